package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.vrs.access.AccessLog;
import org.vrs.access.Actor;
import org.vrs.access.FileScope;
import org.vrs.access.Role;
import org.vrs.casefile.api.AgencyId;
import org.vrs.casefile.api.DataCategory;
import org.vrs.views.FileQueries;

/** The decisions before any bundle is built: who may order, and what happens without a ledger. */
class CertifiedExtractsTest {

    private final FileQueries queries = mock(FileQueries.class);
    private final AccessLog accessLog = mock(AccessLog.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final CertifiedExtracts withoutLedger = new CertifiedExtracts(queries, accessLog, commands,
            new StaticListableBeanFactory().getBeanProvider(LedgerAccess.class), null, null, Clock.system(TestBundles.VIETNAM));
    private final ExtractOrder order = TestBundles.order(DataCategory.LEGAL);

    @Test
    void aCaseworkerIsRefusedBeforeTheFileIsLookedAtAndTheRefusalIsRecorded() {
        Actor caseworker = new Actor("u-cw", new AgencyId("LC-COURT"), Role.CASEWORKER, "LC");

        assertThatThrownBy(() -> withoutLedger.issue(caseworker, order)).isInstanceOf(ExtractRefusal.RoleNotAllowed.class);

        verify(accessLog).refused(eq(caseworker), eq(TestBundles.FILE.value()), eq("EXTRACT"), eq("certified-extract"),
                contains("role CASEWORKER may not order certified extracts"));
        verifyNoInteractions(queries, commands);
    }

    @Test
    void withoutALedgerNoExtractIsIssuedAndNothingIsRecordedOnTheFile() {
        when(queries.scope(TestBundles.FILE.value())).thenReturn(Optional.of(
                new FileScope(TestBundles.FILE.value(), new AgencyId("LC-COMMUNE-BATXAT"), "LC", List.of(), false)));

        assertThatThrownBy(() -> withoutLedger.issue(TestBundles.JUDGE, order)).isInstanceOf(ExtractRefusal.LedgerUnavailable.class);

        verify(accessLog, never()).refused(any(), anyString(), anyString(), anyString(), anyString());
        verifyNoInteractions(commands);
    }

    @Test
    void anErasedFileYieldsNoExtract() {
        when(queries.scope(TestBundles.FILE.value())).thenReturn(Optional.of(
                new FileScope(TestBundles.FILE.value(), new AgencyId("LC-COMMUNE-BATXAT"), "LC", List.of(), true)));

        assertThatThrownBy(() -> withoutLedger.issue(TestBundles.JUDGE, order)).isInstanceOf(ExtractRefusal.FileErased.class);
        verifyNoInteractions(commands);
    }
}
