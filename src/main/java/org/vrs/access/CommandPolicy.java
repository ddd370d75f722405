package org.vrs.access;

import static org.vrs.access.Role.*;

import java.util.Map;
import java.util.Set;
import org.vrs.casefile.api.*;

/**
 * Which roles may issue which commands. Deny by default: a command not listed here is refused
 * for everyone. Erasure (shredding keys) belongs to the data protection officer alone; certified
 * extracts to courts and procuracies, through the extract service only (no command endpoint).
 */
public final class CommandPolicy {
    private static final Set<Role> FRONT_LINE = Set.of(RECEPTION_OFFICER, INVESTIGATOR, CASEWORKER);
    private static final Set<Role> CASE_TEAM = Set.of(INVESTIGATOR, CASEWORKER);
    private static final Map<Class<? extends FileCommand>, Set<Role>> ALLOWED = Map.ofEntries(
            Map.entry(OpenFile.class, FRONT_LINE),
            Map.entry(RecordIdentity.class, FRONT_LINE),
            Map.entry(CorrectIdentity.class, FRONT_LINE),
            Map.entry(RecordWhereabouts.class, Set.of(RECEPTION_OFFICER, CASEWORKER, INVESTIGATOR)),
            Map.entry(RecordTraffickingAccount.class, Set.of(INVESTIGATOR, CASEWORKER)),
            Map.entry(RecordEssentialNeedsMet.class, Set.of(RECEPTION_OFFICER, CASEWORKER, SHELTER_STAFF)),
            Map.entry(RequestVerification.class, FRONT_LINE),
            Map.entry(ConcludeVerification.class, Set.of(INVESTIGATOR)),
            Map.entry(ApplyProtectionMeasure.class, CASE_TEAM),
            Map.entry(LiftProtectionMeasure.class, CASE_TEAM),
            Map.entry(GiveConsent.class, FRONT_LINE),
            Map.entry(WithdrawConsent.class, Set.of(RECEPTION_OFFICER, INVESTIGATOR, CASEWORKER, SHELTER_STAFF, LEGAL_AID)),
            Map.entry(RequestSupport.class, Set.of(RECEPTION_OFFICER, CASEWORKER, SHELTER_STAFF)),
            Map.entry(GrantSupport.class, Set.of(CASEWORKER)),
            Map.entry(RefuseSupport.class, Set.of(CASEWORKER)),
            Map.entry(DeliverSupport.class, Set.of(CASEWORKER, SHELTER_STAFF, MEDICAL, LEGAL_AID)),
            Map.entry(AdmitToShelter.class, Set.of(CASEWORKER, SHELTER_STAFF)),
            Map.entry(DischargeFromShelter.class, Set.of(CASEWORKER, SHELTER_STAFF)),
            Map.entry(MakeReferral.class, FRONT_LINE),
            Map.entry(AcceptReferral.class, Set.of(SHELTER_STAFF, LEGAL_AID, MEDICAL, CASEWORKER, INVESTIGATOR)),
            Map.entry(DeclineReferral.class, Set.of(SHELTER_STAFF, LEGAL_AID, MEDICAL, CASEWORKER, INVESTIGATOR)),
            Map.entry(RevokeReferral.class, FRONT_LINE),
            Map.entry(AddRelatedPerson.class, FRONT_LINE),
            Map.entry(AddCaseNote.class, Set.of(RECEPTION_OFFICER, INVESTIGATOR, CASEWORKER, SHELTER_STAFF, LEGAL_AID, MEDICAL)),
            Map.entry(LinkLegalProceeding.class, Set.of(INVESTIGATOR, LEGAL_AID, CASEWORKER)),
            Map.entry(RecordCompensationOrdered.class, Set.of(LEGAL_AID, CASEWORKER, INVESTIGATOR)),
            Map.entry(RecordCompensationPaid.class, Set.of(LEGAL_AID, CASEWORKER)),
            Map.entry(RecordFollowUpVisit.class, Set.of(CASEWORKER, SHELTER_STAFF)),
            Map.entry(CloseFile.class, Set.of(CASEWORKER)),
            Map.entry(ReopenFile.class, Set.of(CASEWORKER, INVESTIGATOR)),
            Map.entry(ShredFileKeys.class, Set.of(DATA_PROTECTION_OFFICER)),
            Map.entry(IssueExtract.class, Set.of(COURT, PROCURATOR)));

    private CommandPolicy() {
    }

    public static boolean allows(Role role, Class<?> command) {
        return ALLOWED.getOrDefault(command, Set.of()).contains(role);
    }
}
