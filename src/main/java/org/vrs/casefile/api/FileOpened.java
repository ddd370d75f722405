package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A file was opened on reception. The file number and province are derived from the receiving agency. */
@Revision("1")
public record FileOpened(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) String fileNumber,
        @Category(DataCategory.CASE_ADMIN) ReceptionChannel channel,
        @Category(DataCategory.CASE_ADMIN) AgencyId receivingAgency,
        @Category(DataCategory.CASE_ADMIN) String province,
        @Category(DataCategory.CASE_ADMIN) LocalDate receivedOn) implements FileEvent {
}
