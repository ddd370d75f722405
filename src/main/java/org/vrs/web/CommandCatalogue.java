package org.vrs.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vrs.casefile.api.*;

/**
 * The HTTP name of every file command ({@code RequestSupport} is {@code request-support}) and,
 * for commands that create an entry, the id field the server fills in when the client leaves it out.
 */
final class CommandCatalogue {
    private static final List<Class<? extends FileCommand>> COMMANDS = List.of(
            RecordIdentity.class, CorrectIdentity.class, RecordWhereabouts.class, RecordTraffickingAccount.class,
            RecordEssentialNeedsMet.class, RequestVerification.class, ConcludeVerification.class,
            ApplyProtectionMeasure.class, LiftProtectionMeasure.class, GiveConsent.class, WithdrawConsent.class,
            RequestSupport.class, GrantSupport.class, RefuseSupport.class, DeliverSupport.class,
            AdmitToShelter.class, DischargeFromShelter.class, MakeReferral.class, AcceptReferral.class,
            DeclineReferral.class, RevokeReferral.class, AddRelatedPerson.class, AddCaseNote.class,
            LinkLegalProceeding.class, RecordCompensationOrdered.class, RecordCompensationPaid.class,
            RecordFollowUpVisit.class, CloseFile.class, ReopenFile.class, ShredFileKeys.class);

    private static final Map<Class<?>, String> CREATED_ID = Map.of(
            ApplyProtectionMeasure.class, "measureId", GiveConsent.class, "consentId", RequestSupport.class, "supportId",
            AdmitToShelter.class, "stayId", MakeReferral.class, "referralId", AddRelatedPerson.class, "personId",
            AddCaseNote.class, "noteId", LinkLegalProceeding.class, "proceedingId");

    private static final Map<String, Class<? extends FileCommand>> BY_NAME = COMMANDS.stream()
            .collect(Collectors.toUnmodifiableMap(CommandCatalogue::httpName, Function.identity()));

    private CommandCatalogue() {
    }

    static Optional<Class<? extends FileCommand>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static Optional<String> createdIdField(Class<?> command) {
        return Optional.ofNullable(CREATED_ID.get(command));
    }

    static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }

    static String httpName(Class<?> command) {
        return command.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
