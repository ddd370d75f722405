package org.vrs.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.vrs.protection.DataKeys;
import org.vrs.protection.EncryptingEventStorageEngine;

/**
 * Axon without Axon Server: the encrypting JDBC engine declared explicitly, a JDBC token store,
 * Jackson for every serializer, pooled streaming processors for every projection.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * Clear metadata carried from command to events: who acted, for which agency, in which role, and
     * why; for imported files also which import and which register reference (never personal data).
     */
    static final List<String> ACTOR_METADATA = List.of("actorId", "agencyId", "role", "reasonCode", "importId", "importReference");

    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index").timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier").aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number").typeColumn("type")
            .payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision")
            .payloadColumn("payload").metaDataColumn("meta_data")
            .build();

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jackson();
    }

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer,
                                          ConnectionProvider connections, TransactionManager transactions, DataKeys keys) {
        return new EncryptingEventStorageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .persistenceExceptionResolver(duplicateKey())
                .schema(EVENT_SCHEMA)
                .batchSize(500)
                .gapTimeout(60_000), keys);
    }

    /**
     * The token owner name defaults to the JVM's {@code pid@host}; {@code vrs.node-id} names an
     * instance explicitly (two services in one JVM, or containers that all run as pid 1).
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer,
                          @Value("${vrs.node-id:#{T(java.lang.management.ManagementFactory).getRuntimeMXBean().getName()}}")
                          String nodeId) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .nodeId(nodeId)
                .contentType(byte[].class)
                .schema(TokenSchema.builder().setTokenTable("token_entry").setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment").setTokenColumn("token").setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp").setOwnerColumn("owner").build())
                .build();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ACTOR_METADATA.toArray(String[]::new));
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /**
     * Pooled streaming processors for every projection; and every command validated where it is
     * dispatched, whatever the path (HTTP, CLI, import).
     */
    @Bean
    ConfigurerModule vrsAxonModule() {
        return configurer -> {
            configurer.eventProcessing(EventProcessingConfigurer::usingPooledStreamingEventProcessors);
            configurer.onInitialize(config -> config.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS,
                    () -> config.commandBus().registerDispatchInterceptor(new BeanValidationInterceptor<>())));
        };
    }

    /** PostgreSQL's unique_violation: two writers raced for the same file position. */
    private static PersistenceExceptionResolver duplicateKey() {
        return e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }
}
