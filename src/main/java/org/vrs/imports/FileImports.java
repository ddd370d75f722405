package org.vrs.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Service;
import org.vrs.casefile.api.FileCommand;
import org.vrs.casefile.api.OpenFile;

/**
 * Imports whole files from paper registers or a legacy system, a batch at a time, through the same
 * command handlers as live work: every command is validated by the file's own rules, every event
 * is encrypted under the file's data key by the same storage engine and gets its ledger leaf like
 * any other. A batch is one unit of work in one transaction: the commands run one after the other
 * against aggregates kept in that unit of work, and all their events are appended together when
 * it commits (one JDBC batch), or none are.
 */
@Service
public class FileImports {
    private final CommandBus commands;
    private final TransactionManager transactions;

    FileImports(CommandBus commands, TransactionManager transactions) {
        this.commands = commands;
        this.transactions = transactions;
    }

    /** One file to import: its register reference and its commands in order, the first opening it. */
    public record ImportFile(String reference, List<FileCommand> commands) {
        public ImportFile {
            commands = List.copyOf(commands);
            if (commands.isEmpty() || !(commands.get(0) instanceof OpenFile)) {
                throw new IllegalArgumentException("an imported file starts with the command that opens it");
            }
        }

        String fileId() {
            return ((OpenFile) commands.get(0)).fileId().value();
        }
    }

    public record ImportedFile(String reference, String fileId, long lastSequence) {
    }

    public record Result(String importId, List<ImportedFile> files, long events) {
    }

    /** The batch was refused by the command at this position; nothing of it was stored. */
    public static final class Rejected extends RuntimeException {
        private final int file;
        private final String reference;
        private final int command;
        private final Class<?> commandType;

        Rejected(int file, String reference, int command, Class<?> commandType, Throwable cause) {
            super("file " + file + " (" + reference + "), command " + command, cause, false, false);
            this.file = file;
            this.reference = reference;
            this.command = command;
            this.commandType = commandType;
        }

        public int file() {
            return file;
        }

        public String reference() {
            return reference;
        }

        public int command() {
            return command;
        }

        public Class<?> commandType() {
            return commandType;
        }
    }

    /**
     * @param metadata the clear metadata of the importing actor; each event also carries the import
     *                 id and the file's reference
     * @throws Rejected if any command of the batch is refused (the whole batch is rolled back)
     */
    public Result run(String importId, List<ImportFile> files, Map<String, ?> metadata) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(new GenericMessage<>(importId));
        batch.attachTransaction(transactions);
        List<ImportedFile> imported = new ArrayList<>(files.size());
        long events = 0;
        try {
            for (int f = 0; f < files.size(); f++) {
                ImportFile file = files.get(f);
                Map<String, Object> meta = new HashMap<>(metadata);
                meta.put("importId", importId);
                meta.put("importReference", file.reference());
                long sequence = -1;
                for (int c = 0; c < file.commands().size(); c++) {
                    FileCommand command = file.commands().get(c);
                    CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).withMetaData(meta);
                    FutureCallback<Object, Object> outcome = new FutureCallback<>();
                    try {
                        commands.dispatch(message, outcome);
                    } catch (RuntimeException refusedAtDispatch) { // bean validation runs before the handler
                        throw new Rejected(f, file.reference(), c, command.getClass(), refusedAtDispatch);
                    }
                    CommandResultMessage<?> result = outcome.getResult();
                    if (result.isExceptional()) {
                        throw new Rejected(f, file.reference(), c, command.getClass(), result.exceptionResult());
                    }
                    sequence = result.getPayload() instanceof Long s ? s : sequence + 1; // opening returns the file id
                }
                events += sequence + 1; // a new file: its events are numbered from 0
                imported.add(new ImportedFile(file.reference(), file.fileId(), sequence));
            }
        } catch (RuntimeException e) {
            if (batch.isActive()) {
                batch.rollback(e);
            }
            throw e;
        }
        batch.commit();
        return new Result(importId, List.copyOf(imported), events);
    }
}
