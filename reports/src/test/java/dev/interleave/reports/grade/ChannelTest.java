package dev.interleave.reports.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.interleave.reports.grade.child.Channel;
import dev.interleave.reports.grade.child.Message;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The verdict channel accepts the child's records in order and nothing else. */
class ChannelTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static String[] lines(byte[] key, Message... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Channel channel = new Channel(out, key);
        for (Message m : messages) {
            channel.send(m);
        }
        return out.toString(StandardCharsets.US_ASCII).split("\n");
    }

    @Test
    void recordsVerifyInOrder() {
        String[] lines = lines(KEY, Message.start("x"), Message.result("x", "passed", null, null, 1));
        Channel.Verifier verifier = Channel.verifier(KEY);
        assertEquals("start", verifier.read(lines[0]).type());
        assertEquals("passed", verifier.read(lines[1]).status());
    }

    @Test
    void aRecordUnderAnotherKeyIsNoise() {
        String[] forged = lines("another key, another key, again!".getBytes(StandardCharsets.US_ASCII),
                Message.result("x", "passed", null, null, 1));
        assertNull(Channel.verifier(KEY).read(forged[0]));
    }

    @Test
    void aReplayedOrReorderedRecordIsNoise() {
        String[] lines = lines(KEY, Message.result("x", "failed", "boom", null, 1), Message.done());
        Channel.Verifier verifier = Channel.verifier(KEY);
        assertNull(verifier.read(lines[1]), "out of sequence");
        assertNotNull(verifier.read(lines[0]));
        assertNull(verifier.read(lines[0]), "replayed");
        assertNotNull(verifier.read(lines[1]));
    }

    @Test
    void anAlteredRecordIsNoise() {
        String[] lines = lines(KEY, Message.result("x", "failed", "boom", null, 1));
        String[] fields = lines[0].split("\t");
        String passed = Base64.getEncoder().encodeToString(
                "{\"type\":\"result\",\"check\":\"x\",\"status\":\"passed\"}".getBytes(StandardCharsets.UTF_8));
        assertNull(Channel.verifier(KEY).read(fields[0] + "\t" + passed + "\t" + fields[2]));
        assertNull(Channel.verifier(KEY).read("0\tAAAA\tdeadbeef"));
        assertNull(Channel.verifier(KEY).read("{\"score\": 100}"));
    }
}
