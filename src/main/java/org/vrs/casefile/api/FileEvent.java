package org.vrs.casefile.api;

/** Something that happened to a victim file. Every field of an implementation declares its data category. */
public interface FileEvent {
    FileId fileId();
}
