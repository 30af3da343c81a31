package org.fairnote.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fairnote.Assertion;
import org.fairnote.Category;
import org.fairnote.Finding;
import org.fairnote.json.FairnoteJson;

/**
 * brat standoff: for every screened note, {@code NAME.txt} (the note) and {@code NAME.ann} (its
 * findings) in the output folder, plus {@code annotation.conf} and {@code visual.conf}, so the folder
 * opens as a brat collection. Each finding is a text-bound annotation of its category, with an
 * {@code Assertion} attribute when it is not AFFIRMED and an AnnotatorNotes comment with rule,
 * severity and suggestion. Offsets are converted to code points (brat counts characters, Java counts
 * UTF-16 units); a span crossing a line break is written as fragments. Records that could not be
 * screened go to {@code fairnote-errors.jsonl}. Each file is written atomically.
 *
 * <p>brat needs the note text, so the scan command refuses {@code --format brat} with {@code --redact}.
 */
public final class BratReportWriter implements ReportWriter {

    public static final String ERRORS_FILE = "fairnote-errors.jsonl";

    private final Path dir;
    private final OutputStream errors;
    private final Set<String> used = new HashSet<>();

    public BratReportWriter(Path dir, boolean resumed) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        writeAtomically(dir.resolve("annotation.conf"), annotationConf());
        writeAtomically(dir.resolve("visual.conf"), visualConf());
        if (resumed) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.ann")) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    used.add(n.substring(0, n.length() - 4));
                }
            }
        }
        this.errors = new BufferedOutputStream(Files.newOutputStream(dir.resolve(ERRORS_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING));
    }

    @Override
    public Object render(NoteResult r) {
        return r.isError() ? null : ann(r.text(), r.findings());
    }

    /** The .ann content for a text and its findings. */
    static String ann(String text, java.util.List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        int t = 0;
        int a = 0;
        for (Finding f : findings) {
            t++;
            sb.append('T').append(t).append('\t').append(f.category()).append(' ');
            StringBuilder shown = new StringBuilder();
            int s = f.start();
            boolean firstFragment = true;
            for (int i = f.start(); i <= f.end(); i++) {
                if (i == f.end() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                    if (i > s) {
                        sb.append(firstFragment ? "" : ";").append(text.codePointCount(0, s)).append(' ')
                                .append(text.codePointCount(0, i));
                        shown.append(shown.length() == 0 ? "" : " ").append(text, s, i);
                        firstFragment = false;
                    }
                    s = i + 1;
                }
            }
            sb.append('\t').append(shown).append('\n');
            if (f.assertion() != Assertion.AFFIRMED) {
                a++;
                sb.append('A').append(a).append("\tAssertion T").append(t).append(' ').append(f.assertion()).append('\n');
            }
            sb.append('#').append(t).append("\tAnnotatorNotes T").append(t).append('\t').append(f.ruleId()).append(" (")
                    .append(f.severity()).append(')');
            if (!f.suggestion().isEmpty()) {
                sb.append(" Instead: ").append(f.suggestion().replaceAll("\\s+", " "));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public void write(NoteResult r, Object rendered) throws IOException {
        if (r.isError()) {
            StringWriter sw = new StringWriter();
            try (JsonGenerator g = FairnoteJson.mapper().getFactory().createGenerator(sw)) {
                JsonlReportWriter.writeRecord(g, r, true);
            }
            sw.append('\n');
            errors.write(sw.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = uniqueName(r.id() == null ? "line-" + r.input().line() : r.id());
        writeAtomically(dir.resolve(name + ".txt"), r.text());
        writeAtomically(dir.resolve(name + ".ann"), rendered != null ? (String) rendered : ann(r.text(), r.findings()));
    }

    /** A file name from an id: letters, digits, '.', '_' and '-' kept, the rest '_'; made unique. */
    String uniqueName(String id) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < id.length() && sb.length() < 120; i++) {
            char c = id.charAt(i);
            sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' && i > 0 ? c : '_');
        }
        String base = sb.length() == 0 ? "note" : sb.toString();
        String name = base;
        for (int k = 2; !used.add(name); k++) {
            name = base + "-" + k;
        }
        return name;
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String annotationConf() {
        String entities = Stream.of(Category.values()).map(Category::name).collect(Collectors.joining("\n"));
        String values = Stream.of(Assertion.values()).filter(x -> x != Assertion.AFFIRMED).map(Assertion::name)
                .collect(Collectors.joining("|"));
        return "[entities]\n" + entities + "\n\n[relations]\n\n[events]\n\n[attributes]\nAssertion Arg:<ENTITY>, Value:"
                + values + "\n";
    }

    private static String visualConf() {
        return """
                [labels]
                POLICE_IN_CARE | Police in care | Police
                SANCTION_OR_THREAT | Sanction or threat | Sanction
                CARE_WITHHOLDING | Care withholding | Withholding
                STIGMATISING_LANGUAGE | Stigmatising language | Stigma
                CREDIBILITY_DOUBT | Credibility doubt | Doubt

                [drawing]
                POLICE_IN_CARE bgColor:#9fc2ff
                SANCTION_OR_THREAT bgColor:#ff9f9f
                CARE_WITHHOLDING bgColor:#dba8ff
                STIGMATISING_LANGUAGE bgColor:#ffd866
                CREDIBILITY_DOUBT bgColor:#8fe3da
                """;
    }

    @Override
    public long checkpoint() throws IOException {
        errors.flush();
        return 0;
    }

    @Override
    public void finish(Totals totals) throws IOException {
        errors.close();
    }
}
