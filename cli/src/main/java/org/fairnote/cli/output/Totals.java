package org.fairnote.cli.output;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.fairnote.Category;
import org.fairnote.Finding;
import org.fairnote.Severity;

/** Counts of a scan: records read, screened, errored, unchanged, flagged; flags per category and severity. */
public final class Totals {
    public long read;
    public long screened;
    public long errored;
    public long unchanged;
    public long flaggedNotes;
    public final Map<Category, Long> flagsByCategory = new EnumMap<>(Category.class);
    public final Map<Severity, Long> flagsBySeverity = new EnumMap<>(Severity.class);
    /** Highest severity of any flag, or null. */
    public Severity highest;

    public Totals() {
        for (Category c : Category.values()) {
            flagsByCategory.put(c, 0L);
        }
        for (Severity s : Severity.values()) {
            flagsBySeverity.put(s, 0L);
        }
    }

    /** Counts one result. */
    public void add(NoteResult r) {
        read++;
        if (r.isError()) {
            errored++;
            return;
        }
        if (r.unchanged()) {
            unchanged++;
            return;
        }
        screened++;
        boolean flagged = false;
        for (Finding f : r.screening().findings()) {
            if (f.isFlag()) {
                flagged = true;
                flagsByCategory.merge(f.category(), 1L, Long::sum);
                flagsBySeverity.merge(f.severity(), 1L, Long::sum);
                if (highest == null || f.severity().compareTo(highest) > 0) {
                    highest = f.severity();
                }
            }
        }
        if (flagged) {
            flaggedNotes++;
        }
    }

    public long flags() {
        return flagsByCategory.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The one-line summary printed on stderr. */
    public String summaryLine(boolean incremental, double seconds) {
        StringBuilder sb = new StringBuilder();
        sb.append("fairnote: read ").append(read).append(", screened ").append(screened);
        if (incremental) {
            sb.append(", unchanged ").append(unchanged);
        }
        sb.append(", errored ").append(errored).append(", flagged ").append(flaggedNotes).append(" notes (");
        boolean firstCategory = true;
        for (Map.Entry<Category, Long> e : flagsByCategory.entrySet()) {
            sb.append(firstCategory ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            firstCategory = false;
        }
        sb.append(") in ").append(String.format(Locale.ROOT, "%.1f s", seconds));
        if (seconds > 0 && screened > 0) {
            sb.append(String.format(Locale.ROOT, ", %.0f notes/s", screened / seconds));
        }
        return sb.toString();
    }
}
