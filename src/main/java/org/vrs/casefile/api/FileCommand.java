package org.vrs.casefile.api;

/** A request to change a victim file. */
public interface FileCommand {
    FileId fileId();
}
