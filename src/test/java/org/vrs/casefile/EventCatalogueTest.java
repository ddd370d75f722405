package org.vrs.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.vrs.casefile.api.Category;
import org.vrs.casefile.api.FileEvent;
import org.vrs.casefile.api.ServiceKeyed;
import org.vrs.casefile.api.TaggedCategory;

/**
 * Every event declares a revision and a data category for every field, and docs/event-catalogue.md
 * is generated from those declarations: if the code changes, this test fails until the catalogue
 * is regenerated with {@code -Dvrs.docs.update=true}.
 */
class EventCatalogueTest {
    private static final Path CATALOGUE = Path.of("docs/event-catalogue.md");

    @Test
    void everyEventHasARevisionAndEveryFieldACategory() {
        List<Class<?>> events = events();
        assertThat(events).hasSizeGreaterThan(30);
        for (Class<?> event : java.util.stream.Stream.concat(events.stream(), NON_FILE_EVENTS.stream()).toList()) {
            assertThat(event.getAnnotation(Revision.class)).as(event.getSimpleName() + " has @Revision").isNotNull();
            for (RecordComponent field : event.getRecordComponents()) {
                boolean declared = field.isAnnotationPresent(Category.class) || field.isAnnotationPresent(TaggedCategory.class);
                assertThat(declared).as(event.getSimpleName() + "." + field.getName() + " declares its data category").isTrue();
            }
        }
    }

    @Test
    void theCatalogueInDocsIsTrueToTheCode() throws IOException {
        String expected = render(events());
        if (Boolean.getBoolean("vrs.docs.update")) {
            Files.writeString(CATALOGUE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(CATALOGUE, StandardCharsets.UTF_8))
                .as("docs/event-catalogue.md is stale: run mvn test -Dtest=EventCatalogueTest -Dvrs.docs.update=true")
                .isEqualTo(expected);
    }

    /** Events of no file: stored under the service key, with a ledger leaf whose file id is absent. */
    static final List<Class<?>> NON_FILE_EVENTS = List.of(org.vrs.access.api.FileRead.class,
            org.vrs.access.api.FileReadRefused.class, org.vrs.audit.api.AuditTrailExported.class);

    static List<Class<?>> events() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(FileEvent.class));
        return scanner.findCandidateComponents("org.vrs.casefile.api").stream()
                .<Class<?>>map(bd -> {
                    try {
                        return (Class<?>) Class.forName(bd.getBeanClassName());
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(Class::isRecord)
                .sorted(Comparator.comparing(Class::getSimpleName))
                .toList();
    }

    private static String render(List<Class<?>> events) {
        StringBuilder md = new StringBuilder("""
                # Event catalogue

                Generated from the code by `EventCatalogueTest` (do not edit by hand). Every event is a record in
                `org.vrs.casefile.api`, stored encrypted (AES-256-GCM) under its file's data key unless marked
                *service key*. The payload type (`org.vrs.casefile.api.<Name>`) and revision are stored in clear.
                Each field's **data category** drives redaction and extract scoping; `TAGGED` means the category is
                given per event in its `category` field. Nested values (`Identity`, `Whereabouts`, `TraffickingAccount`,
                `ConfirmingDocument`) take the category of the field that holds them.

                Every event also carries clear metadata, never personal data: `actorId`, `agencyId` and `role` of
                the token that issued the command, `reasonCode` when one was given, `importId` and
                `importReference` (a register number) for imported files (`docs/import.md`), and Axon's
                `correlationId` and `traceId`.

                """);
        render(md, events);
        md.append("""
                # Events of no file

                Records of the service's own use, in no victim file: records in `org.vrs.access.api` and
                `org.vrs.audit.api`, stored encrypted under the service key; their ledger leaf has no file id.
                Reads are described in `docs/audit.md`, audit-trail exports in `docs/audit-export.md`.

                """);
        render(md, NON_FILE_EVENTS);
        return md.toString();
    }

    private static void render(StringBuilder md, List<Class<?>> events) {
        for (Class<?> event : events) {
            Revision revision = event.getAnnotation(Revision.class);
            md.append("## ").append(event.getSimpleName()).append(" (revision ").append(revision.value()).append(")");
            if (event.isAnnotationPresent(ServiceKeyed.class)) {
                md.append(" *service key*");
            }
            md.append("\n\n| field | type | category |\n| --- | --- | --- |\n");
            for (RecordComponent field : event.getRecordComponents()) {
                Category category = field.getAnnotation(Category.class);
                md.append("| ").append(field.getName()).append(" | ").append(field.getGenericType().getTypeName()
                                .replaceAll("[a-z.]+\\.([A-Z])", "$1"))
                        .append(" | ").append(category == null ? "TAGGED" : category.value().name()).append(" |\n");
            }
            md.append('\n');
        }
    }
}
