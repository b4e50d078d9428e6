package org.jnova.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoolFromStringTest {
    @Test
    void lenientReadsOslosWordsAndNothingElse() {
        assertTrue(BoolFromString.isTrue("YES"));
        assertTrue(BoolFromString.isTrue("t"));
        assertFalse(BoolFromString.isTrue("no"));
        assertFalse(BoolFromString.isTrue("maybe"));
        assertFalse(BoolFromString.isTrue(" true"));
        assertTrue(BoolFromString.isTrue(TextNode.valueOf(" On ")));
        assertTrue(BoolFromString.isTrue(BooleanNode.TRUE));
    }

    @Test
    void strictTellsFalseFromUnknown() {
        assertEquals(Optional.of(false), BoolFromString.parseStrict("Off"));
        assertEquals(Optional.of(true), BoolFromString.parseStrict("y"));
        assertEquals(Optional.empty(), BoolFromString.parseStrict("2"));
        assertTrue(BoolFromString.isBoolean("N"));
    }

    @Test
    void configWordsHaveNoSingleLetters() {
        assertFalse(BoolFromString.isConfigTrue(TextNode.valueOf("y")));
        assertTrue(BoolFromString.isConfigTrue(TextNode.valueOf("ON")));
        assertEquals(Optional.empty(), BoolFromString.parseConfigStrict("f"));
        assertEquals(Optional.of(false), BoolFromString.parseConfigStrict("No"));
    }
}
