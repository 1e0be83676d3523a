package dev.interleave.scenarios.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where recordings go: {@code -Dinterleave.recordings=<folder>}, by default
 * {@code target/interleave/scenarios} under the working directory (the module's folder in a
 * Maven build).
 */
public final class Recordings {
    /** The system property naming the folder recordings are written to. */
    public static final String FOLDER_PROPERTY = "interleave.recordings";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Recordings() {}

    /** The folder recordings are written to. */
    public static Path folder() {
        return Path.of(System.getProperty(FOLDER_PROPERTY, "target/interleave/scenarios"));
    }

    /** Writes {@code recording} as {@code <scenario>--<variant>.json}, replacing an older one. */
    public static Path write(Recording recording) {
        Path file = folder().resolve(recording.scenario() + "--" + recording.variant() + ".json");
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), recording);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a recording back. */
    public static Recording read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Recording.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + file + ": " + e.getMessage(), e);
        }
    }
}
