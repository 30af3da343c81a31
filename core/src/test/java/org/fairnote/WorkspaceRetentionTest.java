package org.fairnote;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fairnote.testing.TestScreeners;
import org.junit.jupiter.api.Test;

/** A thread keeps its screening buffers for the next call only while they are of ordinary size. */
class WorkspaceRetentionTest {

    private static boolean keptAfter(String text) {
        Screener screener = TestScreeners.SMALL;
        ScreeningRun.Workspace workspace = new ScreeningRun.Workspace(screener);
        new ScreeningRun(screener, text, workspace).run(true);
        return workspace.worthKeeping();
    }

    @Test
    void anOrdinaryNoteKeepsItsBuffers() {
        assertTrue(keptAfter("Do not convey to ED. She is attention-seeking.\n".repeat(40)));
    }

    @Test
    void manyTokensDropTheBuffers() {
        assertFalse(keptAfter("word ".repeat(100_000)));
    }

    @Test
    void aLongTextOfFewTokensDropsTheBuffers() {
        // Blank text makes no tokens but fills the tokenizer's copy of the text.
        assertFalse(keptAfter(" ".repeat(1_000_000) + "end"));
    }
}
