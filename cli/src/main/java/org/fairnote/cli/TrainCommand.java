package org.fairnote.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fairnote.models.ModelInfo;
import org.fairnote.models.TrainModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairnote train --corpus DIR --out FILE}: trains the clause classifier on the training split
 * of a JSONL corpus (see {@code models/corpus}) and writes the model plus its metadata ({@code .json}
 * beside it). Same corpus and lexicons give the same bytes.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the model on an annotated JSONL corpus (the training split, unless --include-test).")
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "DIR",
            description = "Directory of *.jsonl notes ({\"id\",\"text\",\"spans\":[...]}); split.json is used when present.")
    Path corpus;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Model file to write (e.g. model.bin); its metadata goes to FILE with extension .json.")
    Path out;

    @Option(names = "--include-test",
            description = "Also train on the test split (for a model of your own notes; test scores are then void).")
    boolean includeTest;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ModelInfo info = TrainModel.train(corpus, out, includeTest);
            spec.commandLine().getOut().printf("wrote %s: %s %s, %d notes, %d clause events, corpus %s%n", out,
                    info.name(), info.version(), info.trainingNotes(), info.trainingEvents(),
                    info.corpusSha256().substring(0, 12));
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("fairnote train: " + e.getMessage());
            return 1;
        }
    }
}
