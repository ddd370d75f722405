package org.vrs.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.vrs.casefile.api.*;

/**
 * The victim file: decides every change to one person's file. Holds only the state its rules
 * need; handlers are guard clauses followed by {@code apply}, and sourcing handlers only assign.
 */
@Aggregate
public class VictimFile {
    /** Metadata key of the acting agency, set by every entry point from the actor's token. */
    public static final String ACTING_AGENCY = "agencyId";
    /** Roles that carry out court and procuracy orders; they act on a file by jurisdiction, not by write scope. */
    private static final Set<String> JUDICIAL_ROLES = Set.of("COURT", "PROCURATOR");
    /** The province of agencies with national jurisdiction. */
    private static final String NATIONAL = "*";

    @AggregateIdentifier
    private FileId id;
    private VictimStatus status;
    private LocalDate receivedOn;
    private String province;
    private LocalDate confirmedOn;
    private boolean closed;
    private boolean shredded;
    private boolean identityRecorded;
    /** Sequence number of every fact event that a correction may name, and what it recorded. */
    private final Map<Long, Class<?>> facts = new HashMap<>();
    private final Map<ConsentId, Consent> consents = new HashMap<>();
    private final Map<ReferralId, Referral.State> referrals = new HashMap<>();
    private final Map<SupportId, SupportCase> supports = new HashMap<>();
    private final Map<MeasureId, Boolean> measuresActive = new HashMap<>();
    private final Map<PersonId, Relation> persons = new HashMap<>();
    private final Map<ProceedingId, Compensation> proceedings = new HashMap<>();
    private final Set<NoteId> notes = new HashSet<>();
    private final Set<StayId> stays = new HashSet<>();
    private StayId openStay;
    private LocalDate openStaySince;
    private final WriteScope scope = new WriteScope();

    protected VictimFile() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public VictimFile(OpenFile cmd, Agencies agencies, @MetaDataValue(ACTING_AGENCY) String actingAgency) {
        if (actingAgency == null || !actingAgency.equals(cmd.receivingAgency().value())) {
            throw new FileRefusal.OutOfScope(actingAgency, "can only open files it receives itself");
        }
        Agency receiving = agencies.activeOn(cmd.receivingAgency(), cmd.receivedOn());
        String number = receiving.province() + "-" + cmd.receivedOn().getYear() + "-"
                + cmd.fileId().value().substring(0, 8).toUpperCase();
        apply(new FileOpened(cmd.fileId(), number, cmd.channel(), cmd.receivingAgency(), receiving.province(), cmd.receivedOn()));
    }

    /**
     * Deny by default: every command on an existing file must come from an agency in the file's
     * write scope (erasure orders excepted, which only the data protection officer may carry out,
     * and certified extracts, which courts and procuracies issue within their jurisdiction).
     */
    @CommandHandlerInterceptor
    Object scope(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        requireNotShredded();
        String agency = (String) command.getMetaData().get(ACTING_AGENCY);
        Object role = command.getMetaData().get("role");
        boolean erasure = command.getPayload() instanceof ShredFileKeys && "DATA_PROTECTION_OFFICER".equals(role);
        boolean courtOrder = command.getPayload() instanceof IssueExtract && JUDICIAL_ROLES.contains(role);
        if (!erasure && !courtOrder && (agency == null || !scope.allows(new AgencyId(agency), LocalDate.now(GenericEventMessage.clock)))) {
            throw new FileRefusal.OutOfScope(agency, "neither owns file " + id + " nor holds a referral to it in force");
        }
        return chain.proceed();
    }

    @CommandHandler
    long handle(RecordIdentity cmd) {
        requireOpen();
        if (identityRecorded) {
            throw new FileRefusal.DuplicateEntry("identity", "record (send CorrectIdentity naming the event it corrects)");
        }
        return applied(new IdentityRecorded(id, cmd.identity()));
    }

    @CommandHandler
    long handle(CorrectIdentity cmd) {
        requireOpen();
        requireFact(cmd.correctsSequence(), "an identity record", IdentityRecorded.class, IdentityCorrected.class);
        return applied(new IdentityCorrected(id, cmd.correctsSequence(), cmd.identity(), cmd.reason()));
    }

    @CommandHandler
    long handle(RecordWhereabouts cmd) {
        requireOpen();
        requireCorrectionTarget(cmd.correctsSequence(), cmd.correctionReason(), "a whereabouts record", WhereaboutsRecorded.class);
        return applied(new WhereaboutsRecorded(id, cmd.whereabouts(), cmd.correctsSequence(), cmd.correctionReason()));
    }

    @CommandHandler
    long handle(RecordTraffickingAccount cmd) {
        requireOpen();
        requireCorrectionTarget(cmd.correctsSequence(), cmd.correctionReason(), "a trafficking account", TraffickingAccountRecorded.class);
        return applied(new TraffickingAccountRecorded(id, cmd.account(), cmd.correctsSequence(), cmd.correctionReason()));
    }

    @CommandHandler
    long handle(RecordEssentialNeedsMet cmd, Agencies agencies) {
        requireOpen();
        agencies.activeOn(cmd.providerAgency(), cmd.providedOn());
        notBefore("needs provided on", cmd.providedOn(), "received on", receivedOn);
        return applied(new EssentialNeedsMet(id, cmd.needs(), cmd.providerAgency(), cmd.providedOn()));
    }

    @CommandHandler
    long handle(RequestVerification cmd, Agencies agencies, RuleBook rules) {
        requireOpen();
        requireStatus(VictimStatus.UNDER_IDENTIFICATION, "requesting verification");
        agencies.activeOn(cmd.verifyingAgency(), cmd.requestedOn());
        LocalDate due = cmd.dueOn() != null ? cmd.dueOn()
                : cmd.requestedOn().plusDays(rules.on(cmd.requestedOn()).verificationDays());
        notBefore("due date", due, "request date", cmd.requestedOn());
        return applied(new VerificationRequested(id, cmd.verifyingAgency(), cmd.requestedOn(), due));
    }

    @CommandHandler
    long handle(ConcludeVerification cmd) {
        requireOpen();
        requireStatus(VictimStatus.UNDER_IDENTIFICATION, "concluding verification");
        if (cmd.outcome() == VerificationOutcome.CONFIRMED && cmd.document() == null) {
            throw new FileRefusal.Missing("document", "to confirm a victim (Law 53/2024 Art. 33)");
        }
        if (cmd.outcome() == VerificationOutcome.NOT_CONFIRMED && isBlank(cmd.reason())) {
            throw new FileRefusal.Missing("reason", "when a person is not confirmed as a victim");
        }
        notBefore("concluded on", cmd.concludedOn(), "received on", receivedOn);
        return applied(new VerificationConcluded(id, cmd.outcome(), cmd.document(), cmd.reason(), cmd.concludedOn()));
    }

    @CommandHandler
    long handle(ApplyProtectionMeasure cmd) {
        requireOpen();
        if (measuresActive.containsKey(cmd.measureId())) {
            throw new FileRefusal.DuplicateEntry("protection measure", cmd.measureId());
        }
        if (cmd.protectedPerson() == ProtectedPerson.RELATIVE) {
            if (cmd.relative() == null) {
                throw new FileRefusal.Missing("relative", "when the measure protects a relative");
            }
            requirePerson(cmd.relative());
        }
        return applied(new ProtectionMeasureApplied(id, cmd.measureId(), cmd.measure(), cmd.protectedPerson(), cmd.relative(),
                cmd.reason(), cmd.appliedOn()));
    }

    @CommandHandler
    long handle(LiftProtectionMeasure cmd) {
        requireOpen();
        Boolean active = measuresActive.get(cmd.measureId());
        if (active == null) {
            throw new FileRefusal.UnknownEntry("protection measure", cmd.measureId());
        }
        if (!active) {
            throw new FileRefusal.WrongState("protection measure " + cmd.measureId(), "lifted", "an active measure");
        }
        return applied(new ProtectionMeasureLifted(id, cmd.measureId(), cmd.reason(), cmd.liftedOn()));
    }

    @CommandHandler
    long handle(GiveConsent cmd, Agencies agencies) {
        requireOpen();
        if (consents.containsKey(cmd.consentId())) {
            throw new FileRefusal.DuplicateEntry("consent", cmd.consentId());
        }
        agencies.activeOn(cmd.recipientAgency(), cmd.givenOn());
        if (cmd.givenBy() == ConsentGiver.LAWFUL_REPRESENTATIVE) {
            if (cmd.representative() == null) {
                throw new FileRefusal.Missing("representative", "when a lawful representative gives consent");
            }
            Relation relation = requirePerson(cmd.representative());
            if (relation != Relation.LAWFUL_REPRESENTATIVE && relation != Relation.GUARDIAN) {
                throw new FileRefusal.WrongState("person " + cmd.representative(), relation.name(), "a lawful representative or guardian");
            }
        }
        if (cmd.expiresOn() != null) {
            notBefore("consent expiry", cmd.expiresOn(), "consent date", cmd.givenOn());
        }
        return applied(new ConsentGiven(id, cmd.consentId(), cmd.categories(), cmd.recipientAgency(), cmd.purpose(), cmd.givenBy(),
                cmd.representative(), cmd.givenOn(), cmd.expiresOn()));
    }

    @CommandHandler
    long handle(WithdrawConsent cmd) {
        requireOpen();
        Consent consent = requireConsent(cmd.consentId());
        if (consent.withdrawn()) {
            throw new FileRefusal.WrongState("consent " + cmd.consentId(), "withdrawn", "a consent in force");
        }
        return applied(new ConsentWithdrawn(id, cmd.consentId(), cmd.withdrawnOn()));
    }

    @CommandHandler
    long handle(RequestSupport cmd, RuleBook rules) {
        requireOpen();
        if (supports.containsKey(cmd.supportId())) {
            throw new FileRefusal.DuplicateEntry("support", cmd.supportId());
        }
        requireEntitled(rules, cmd.regime(), cmd.requestedOn());
        if (confirmedOn != null && isBlank(cmd.lateApplicationReason())) {
            LocalDate windowClosed = confirmedOn.plusMonths(rules.on(confirmedOn).supportApplicationMonths());
            if (cmd.requestedOn().isAfter(windowClosed)) {
                throw new FileRefusal.LateApplication(cmd.requestedOn(), windowClosed);
            }
        }
        return applied(new SupportRequested(id, cmd.supportId(), cmd.regime(), cmd.amountVnd(), cmd.requestedOn(),
                cmd.lateApplicationReason()));
    }

    @CommandHandler
    long handle(GrantSupport cmd, Agencies agencies, RuleBook rules) {
        requireOpen();
        SupportCase support = requireSupport(cmd.supportId(), SupportCase.Status.REQUESTED);
        requireEntitled(rules, support.regime(), cmd.decidedOn());
        agencies.activeOn(cmd.provider(), cmd.decidedOn());
        notBefore("decision date", cmd.decidedOn(), "request date", support.requestedOn());
        return applied(new SupportGranted(id, cmd.supportId(), cmd.amountVnd(), cmd.provider(), cmd.decidedOn()));
    }

    @CommandHandler
    long handle(RefuseSupport cmd) {
        requireOpen();
        SupportCase support = requireSupportKnown(cmd.supportId());
        boolean victimDeclinesGrant = support.status() == SupportCase.Status.GRANTED && cmd.refusedBy() == RefusingParty.VICTIM;
        if (support.status() != SupportCase.Status.REQUESTED && !victimDeclinesGrant) {
            throw new FileRefusal.WrongState("support " + cmd.supportId(), support.status().name(),
                    "a pending request (or, for the victim, a grant they decline)");
        }
        return applied(new SupportRefused(id, cmd.supportId(), cmd.refusedBy(), cmd.reason(), cmd.decidedOn()));
    }

    @CommandHandler
    long handle(DeliverSupport cmd, Agencies agencies) {
        requireOpen();
        SupportCase support = requireSupport(cmd.supportId(), SupportCase.Status.GRANTED);
        agencies.activeOn(cmd.provider(), cmd.deliveredOn());
        long remaining = support.granted() - support.delivered();
        if (cmd.amountVnd() > remaining) {
            throw new FileRefusal.AmountExceeds("delivery", cmd.amountVnd(), remaining);
        }
        notBefore("delivery date", cmd.deliveredOn(), "grant date", support.decidedOn());
        return applied(new SupportDelivered(id, cmd.supportId(), cmd.amountVnd(), cmd.provider(), cmd.deliveredOn()));
    }

    @CommandHandler
    long handle(AdmitToShelter cmd, Agencies agencies) {
        requireOpen();
        if (stays.contains(cmd.stayId())) {
            throw new FileRefusal.DuplicateEntry("shelter stay", cmd.stayId());
        }
        if (openStay != null) {
            throw new FileRefusal.WrongState("the person", "in shelter stay " + openStay, "discharge before a new admission");
        }
        agencies.activeOn(cmd.shelter(), cmd.admittedOn());
        return applied(new ShelterAdmitted(id, cmd.stayId(), cmd.shelter(), cmd.admittedOn()));
    }

    @CommandHandler
    long handle(DischargeFromShelter cmd) {
        requireOpen();
        if (!cmd.stayId().equals(openStay)) {
            throw stays.contains(cmd.stayId())
                    ? new FileRefusal.WrongState("shelter stay " + cmd.stayId(), "ended", "an open stay")
                    : new FileRefusal.UnknownEntry("shelter stay", cmd.stayId());
        }
        notBefore("discharge date", cmd.dischargedOn(), "admission date", openStaySince);
        return applied(new ShelterDischarged(id, cmd.stayId(), cmd.reason(), cmd.dischargedOn()));
    }

    @CommandHandler
    long handle(MakeReferral cmd, Agencies agencies) {
        requireOpen();
        if (referrals.containsKey(cmd.referralId())) {
            throw new FileRefusal.DuplicateEntry("referral", cmd.referralId());
        }
        agencies.activeOn(cmd.recipientAgency(), cmd.madeOn());
        notBefore("referral expiry", cmd.expiresOn(), "referral date", cmd.madeOn());
        Set<DataCategory> uncovered = java.util.EnumSet.copyOf(cmd.categories());
        boolean legalBasis = !isBlank(cmd.legalBasis());
        if (cmd.consentId() != null) {
            Consent consent = requireConsent(cmd.consentId());
            consent.requireCovers(cmd.consentId(), cmd.recipientAgency(), cmd.madeOn());
            if (!legalBasis) {
                consent.requireLasts(cmd.consentId(), cmd.expiresOn());
            }
            uncovered.removeAll(consent.categories());
        }
        if (!uncovered.isEmpty() && !legalBasis) {
            throw new FileRefusal.BeyondConsent(uncovered);
        }
        return applied(new ReferralMade(id, cmd.referralId(), cmd.recipientAgency(), cmd.categories(), cmd.purpose(),
                cmd.consentId(), cmd.legalBasis(), cmd.madeOn(), cmd.expiresOn()));
    }

    @CommandHandler
    long handle(AcceptReferral cmd) {
        requireOpen();
        requireReferral(cmd.referralId(), Referral.State.MADE);
        return applied(new ReferralAccepted(id, cmd.referralId(), cmd.decidedOn()));
    }

    @CommandHandler
    long handle(DeclineReferral cmd) {
        requireOpen();
        requireReferral(cmd.referralId(), Referral.State.MADE);
        return applied(new ReferralDeclined(id, cmd.referralId(), cmd.reason(), cmd.decidedOn()));
    }

    @CommandHandler
    long handle(RevokeReferral cmd) {
        requireOpen();
        requireReferral(cmd.referralId(), Referral.State.MADE, Referral.State.ACCEPTED);
        return applied(new ReferralRevoked(id, cmd.referralId(), cmd.reason(), cmd.revokedOn()));
    }

    @CommandHandler
    long handle(AddRelatedPerson cmd) {
        requireOpen();
        if (persons.containsKey(cmd.personId())) {
            throw new FileRefusal.DuplicateEntry("related person", cmd.personId());
        }
        return applied(new RelatedPersonAdded(id, cmd.personId(), cmd.relation(), cmd.fullName(), cmd.dateOfBirth(), cmd.contact()));
    }

    @CommandHandler
    long handle(AddCaseNote cmd) {
        requireOpen();
        if (notes.contains(cmd.noteId())) {
            throw new FileRefusal.DuplicateEntry("case note", cmd.noteId());
        }
        return applied(new CaseNoteAdded(id, cmd.noteId(), cmd.category(), cmd.text()));
    }

    @CommandHandler
    long handle(LinkLegalProceeding cmd) {
        requireOpen();
        if (proceedings.containsKey(cmd.proceedingId())) {
            throw new FileRefusal.DuplicateEntry("legal proceeding", cmd.proceedingId());
        }
        return applied(new LegalProceedingLinked(id, cmd.proceedingId(), cmd.court(), cmd.caseNumber(), cmd.role(),
                cmd.closedTrialRequested(), cmd.linkedOn()));
    }

    @CommandHandler
    long handle(RecordCompensationOrdered cmd) {
        requireOpen();
        requireProceeding(cmd.proceedingId());
        return applied(new CompensationOrdered(id, cmd.proceedingId(), cmd.amountVnd(), cmd.orderedOn()));
    }

    @CommandHandler
    long handle(RecordCompensationPaid cmd) {
        requireOpen();
        Compensation compensation = requireProceeding(cmd.proceedingId());
        long remaining = compensation.ordered() - compensation.paid();
        if (cmd.amountVnd() > remaining) {
            throw new FileRefusal.AmountExceeds("compensation payment", cmd.amountVnd(), remaining);
        }
        return applied(new CompensationPaid(id, cmd.proceedingId(), cmd.amountVnd(), cmd.paidOn()));
    }

    @CommandHandler
    long handle(RecordFollowUpVisit cmd, RuleBook rules) {
        requireOpen();
        LocalDate next = cmd.nextDueOn() != null ? cmd.nextDueOn()
                : cmd.visitedOn().plusDays(rules.on(cmd.visitedOn()).followUpIntervalDays());
        notBefore("next follow-up", next, "visit date", cmd.visitedOn());
        return applied(new FollowUpVisitRecorded(id, cmd.visitedOn(), cmd.riskLevel(), next, cmd.notes()));
    }

    @CommandHandler
    long handle(CloseFile cmd) {
        requireOpen();
        notBefore("closing date", cmd.closedOn(), "received on", receivedOn);
        return applied(new FileClosed(id, cmd.reason(), cmd.details(), cmd.closedOn()));
    }

    @CommandHandler
    long handle(ReopenFile cmd) {
        requireNotShredded();
        if (!closed) {
            throw new FileRefusal.WrongState("file " + id, "open", "a closed file");
        }
        return applied(new FileReopened(id, cmd.reason(), cmd.reopenedOn()));
    }

    @CommandHandler
    long handle(ShredFileKeys cmd) {
        requireNotShredded();
        return applied(new FileKeysShredded(id, cmd.erasureOrderReference(), cmd.orderedBy(), cmd.orderedOn()));
    }

    /** Allowed on closed files: a court may need the record of a case that has ended. */
    @CommandHandler
    long handle(IssueExtract cmd, Agencies agencies, @MetaDataValue(ACTING_AGENCY) String actingAgency) {
        requireNotShredded();
        if (!cmd.issuingCourt().value().equals(actingAgency)) {
            throw new FileRefusal.OutOfScope(actingAgency, "may carry out only its own orders, not those of " + cmd.issuingCourt());
        }
        Agency court = agencies.activeOn(cmd.issuingCourt(), LocalDate.now(GenericEventMessage.clock));
        if (court.type() != AgencyType.COURT && court.type() != AgencyType.PROCURACY) {
            throw new FileRefusal.OutOfScope(actingAgency, "is a " + court.type() + ", not a court or procuracy");
        }
        if (!NATIONAL.equals(court.province()) && !court.province().equals(province)) {
            throw new FileRefusal.OutOfScope(actingAgency, "of province " + court.province() + " has no jurisdiction over file "
                    + id + " of province " + province);
        }
        notBefore("period end", cmd.periodTo(), "period start", cmd.periodFrom());
        return applied(new ExtractIssued(id, cmd.extractId(), cmd.requestedBy(), cmd.issuingCourt(), cmd.orderReference(),
                cmd.categories(), cmd.periodFrom(), cmd.periodTo(), cmd.purpose(), cmd.bundleSha256()));
    }

    // ---- event sourcing: assignments only ----

    @EventSourcingHandler
    void on(FileOpened e) {
        id = e.fileId();
        scope.owner(e.receivingAgency());
        province = e.province();
        status = VictimStatus.UNDER_IDENTIFICATION;
        receivedOn = e.receivedOn();
    }

    @EventSourcingHandler
    void on(IdentityRecorded e, @SequenceNumber long seq) {
        identityRecorded = true;
        facts.put(seq, IdentityRecorded.class);
    }

    @EventSourcingHandler
    void on(IdentityCorrected e, @SequenceNumber long seq) {
        facts.put(seq, IdentityCorrected.class);
    }

    @EventSourcingHandler
    void on(WhereaboutsRecorded e, @SequenceNumber long seq) {
        facts.put(seq, WhereaboutsRecorded.class);
    }

    @EventSourcingHandler
    void on(TraffickingAccountRecorded e, @SequenceNumber long seq) {
        facts.put(seq, TraffickingAccountRecorded.class);
    }

    @EventSourcingHandler
    void on(VerificationConcluded e) {
        status = e.outcome() == VerificationOutcome.CONFIRMED ? VictimStatus.CONFIRMED_VICTIM : VictimStatus.NOT_CONFIRMED;
        confirmedOn = e.outcome() == VerificationOutcome.CONFIRMED ? e.concludedOn() : null;
    }

    @EventSourcingHandler
    void on(ProtectionMeasureApplied e) {
        measuresActive.put(e.measureId(), true);
    }

    @EventSourcingHandler
    void on(ProtectionMeasureLifted e) {
        measuresActive.put(e.measureId(), false);
    }

    @EventSourcingHandler
    void on(ConsentGiven e) {
        consents.put(e.consentId(), new Consent(e.categories(), e.recipientAgency(), e.expiresOn(), false));
        scope.consented(e.consentId(), e.expiresOn());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn e) {
        consents.computeIfPresent(e.consentId(), (k, c) -> c.withdraw());
        scope.withdrawn(e.consentId());
    }

    @EventSourcingHandler
    void on(SupportRequested e) {
        supports.put(e.supportId(), SupportCase.requested(e.regime(), e.requestedOn()));
    }

    @EventSourcingHandler
    void on(SupportGranted e) {
        supports.computeIfPresent(e.supportId(), (k, s) -> s.grant(e.amountVnd(), e.decidedOn()));
    }

    @EventSourcingHandler
    void on(SupportRefused e) {
        supports.computeIfPresent(e.supportId(), (k, s) -> s.refuse());
    }

    @EventSourcingHandler
    void on(SupportDelivered e) {
        supports.computeIfPresent(e.supportId(), (k, s) -> s.deliver(e.amountVnd()));
    }

    @EventSourcingHandler
    void on(ShelterAdmitted e) {
        stays.add(e.stayId());
        openStay = e.stayId();
        openStaySince = e.admittedOn();
    }

    @EventSourcingHandler
    void on(ShelterDischarged e) {
        openStay = null;
        openStaySince = null;
    }

    @EventSourcingHandler
    void on(VerificationRequested e) {
        scope.verifier(e.verifyingAgency());
    }

    @EventSourcingHandler
    void on(ReferralMade e) {
        referrals.put(e.referralId(), Referral.State.MADE);
        scope.referred(e.referralId(), e.recipientAgency(), e.expiresOn(), e.consentId(),
                e.legalBasis() != null && !e.legalBasis().isBlank());
    }

    @EventSourcingHandler
    void on(ReferralAccepted e) {
        referrals.put(e.referralId(), Referral.State.ACCEPTED);
    }

    @EventSourcingHandler
    void on(ReferralDeclined e) {
        referrals.put(e.referralId(), Referral.State.DECLINED);
        scope.ended(e.referralId());
    }

    @EventSourcingHandler
    void on(ReferralRevoked e) {
        referrals.put(e.referralId(), Referral.State.REVOKED);
        scope.ended(e.referralId());
    }

    @EventSourcingHandler
    void on(RelatedPersonAdded e) {
        persons.put(e.personId(), e.relation());
    }

    @EventSourcingHandler
    void on(CaseNoteAdded e) {
        notes.add(e.noteId());
    }

    @EventSourcingHandler
    void on(LegalProceedingLinked e) {
        proceedings.put(e.proceedingId(), new Compensation(0, 0));
    }

    @EventSourcingHandler
    void on(CompensationOrdered e) {
        proceedings.computeIfPresent(e.proceedingId(), (k, c) -> new Compensation(c.ordered() + e.amountVnd(), c.paid()));
    }

    @EventSourcingHandler
    void on(CompensationPaid e) {
        proceedings.computeIfPresent(e.proceedingId(), (k, c) -> new Compensation(c.ordered(), c.paid() + e.amountVnd()));
    }

    @EventSourcingHandler
    void on(FileClosed e) {
        closed = true;
    }

    @EventSourcingHandler
    void on(FileReopened e) {
        closed = false;
    }

    @EventSourcingHandler
    void on(FileKeysShredded e) {
        id = e.fileId();
        shredded = true;
    }

    /** Erased content still has a position in the file; the opening event may be one of them. */
    @EventSourcingHandler
    void on(ShreddedPayload e, DomainEventMessage<?> event) {
        id = new FileId(event.getAggregateIdentifier());
    }

    // ---- guards ----

    private long applied(Object event) {
        apply(event);
        return getVersion();
    }

    private void requireNotShredded() {
        if (shredded) {
            throw new FileRefusal.FileShredded(id);
        }
    }

    private void requireOpen() {
        requireNotShredded();
        if (closed) {
            throw new FileRefusal.FileClosed(id);
        }
    }

    private void requireStatus(VictimStatus expected, String action) {
        if (status != expected) {
            throw new FileRefusal.WrongState("the person's status", status.name(), expected + " for " + action);
        }
    }

    private void requireEntitled(RuleBook rules, SupportRegime regime, LocalDate on) {
        RuleBook.Period period = rules.on(on);
        if (!period.entitled(status, regime)) {
            throw new FileRefusal.SupportNotEntitled(regime, status, period.entitlementBasis());
        }
    }

    private void requireFact(long sequence, String what, Class<?>... kinds) {
        Class<?> kind = facts.get(sequence);
        if (kind == null || !Set.of(kinds).contains(kind)) {
            throw new FileRefusal.InvalidCorrection(sequence, what);
        }
    }

    private void requireCorrectionTarget(Long corrects, String reason, String what, Class<?> kind) {
        if (corrects == null) {
            return;
        }
        requireFact(corrects, what, kind);
        if (isBlank(reason)) {
            throw new FileRefusal.Missing("correctionReason", "when correcting an earlier record");
        }
    }

    private Consent requireConsent(ConsentId consentId) {
        Consent consent = consents.get(consentId);
        if (consent == null) {
            throw new FileRefusal.UnknownEntry("consent", consentId);
        }
        return consent;
    }

    private SupportCase requireSupportKnown(SupportId supportId) {
        SupportCase support = supports.get(supportId);
        if (support == null) {
            throw new FileRefusal.UnknownEntry("support", supportId);
        }
        return support;
    }

    private SupportCase requireSupport(SupportId supportId, SupportCase.Status expected) {
        SupportCase support = requireSupportKnown(supportId);
        if (support.status() != expected) {
            throw new FileRefusal.WrongState("support " + supportId, support.status().name(), "a support " + expected);
        }
        return support;
    }

    private void requireReferral(ReferralId referralId, Referral.State... allowed) {
        Referral.State state = referrals.get(referralId);
        if (state == null) {
            throw new FileRefusal.UnknownEntry("referral", referralId);
        }
        if (!Set.of(allowed).contains(state)) {
            throw new FileRefusal.WrongState("referral " + referralId, state.name(), "a referral " + java.util.List.of(allowed));
        }
    }

    private Relation requirePerson(PersonId personId) {
        Relation relation = persons.get(personId);
        if (relation == null) {
            throw new FileRefusal.UnknownEntry("related person", personId);
        }
        return relation;
    }

    private Compensation requireProceeding(ProceedingId proceedingId) {
        Compensation compensation = proceedings.get(proceedingId);
        if (compensation == null) {
            throw new FileRefusal.UnknownEntry("legal proceeding", proceedingId);
        }
        return compensation;
    }

    private static void notBefore(String later, LocalDate laterDate, String earlier, LocalDate earlierDate) {
        if (laterDate != null && earlierDate != null && laterDate.isBefore(earlierDate)) {
            throw new FileRefusal.DateOrder(later, laterDate, earlier, earlierDate);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
