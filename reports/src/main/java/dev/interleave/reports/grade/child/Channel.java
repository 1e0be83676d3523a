package dev.interleave.reports.grade.child;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The verdict channel of a child JVM: authenticated records on the child's own standard output,
 * which nothing else in the child writes to.
 *
 * <p>Each record is one line, {@code <sequence> TAB <base64 of the JSON message> TAB <HMAC>}, the
 * HMAC-SHA256 of the first two fields under a key the grader hands over on standard input before
 * any submission class is loaded. The key and the stream live only in this object's private
 * fields, and the object only in private fields of the harness: the sandbox refuses the
 * submission {@code setAccessible}, so it can neither read the key nor write a record; the
 * grader counts a line that does not verify, or comes out of sequence, as noise.
 */
public final class Channel {
    static final String ALGORITHM = "HmacSHA256";

    private final OutputStream out;
    private final Mac mac;
    private final ObjectMapper json = new ObjectMapper();
    private long sequence;

    public Channel(OutputStream out, byte[] key) {
        this.out = out;
        this.mac = newMac(key);
    }

    /** Sends one record; the stream is flushed at once, so a record is never lost to a crash that follows. */
    public synchronized void send(Message message) {
        try {
            String body = Base64.getEncoder().encodeToString(json.writeValueAsBytes(message));
            String head = sequence + "\t" + body;
            String line = head + "\t" + HexFormat.of().formatHex(mac.doFinal(head.getBytes(StandardCharsets.US_ASCII)))
                    + "\n";
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sequence++;
        } catch (IOException e) {
            throw new UncheckedIOException("the verdict channel is closed", e);
        }
    }

    /** A verifier of records under {@code key}, for the grader's side. */
    public static Verifier verifier(byte[] key) {
        return new Verifier(newMac(key));
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Checks records in order: a record verifies only with the right key and the next sequence number. */
    public static final class Verifier {
        private final Mac mac;
        private final ObjectMapper json = new ObjectMapper();
        private long expected;

        private Verifier(Mac mac) {
            this.mac = mac;
        }

        /** The message of {@code line}, or null when the line is not the next authentic record. */
        public Message read(String line) {
            String[] fields = line.split("\t", -1);
            if (fields.length != 3 || !fields[0].equals(Long.toString(expected))) {
                return null;
            }
            String head = fields[0] + "\t" + fields[1];
            byte[] given;
            try {
                given = HexFormat.of().parseHex(fields[2]);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (!MessageDigest.isEqual(given, mac.doFinal(head.getBytes(StandardCharsets.US_ASCII)))) {
                return null;
            }
            try {
                Message message = json.readValue(Base64.getDecoder().decode(fields[1]), Message.class);
                expected++;
                return message;
            } catch (IOException | IllegalArgumentException e) {
                return null;
            }
        }
    }
}
