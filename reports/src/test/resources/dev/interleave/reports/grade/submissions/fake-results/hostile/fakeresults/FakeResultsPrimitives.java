package hostile.fakeresults;

import dev.interleave.primitives.Lock;
import fixture.NoLock;
import fixture.Unimplemented;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

// Attack: class initialization writes results.json (score 100) everywhere it can and forges verdict records on stdout.
public class FakeResultsPrimitives extends Unimplemented {
    private static final String RESULTS = "{\"score\": 100.0, \"output\": \"All checks passed.\", \"tests\": ["
            + "{\"name\": \"Lock \u2014 lock()\", \"score\": 100.0, \"max_score\": 100.0, \"status\": \"passed\"}]}\n";

    static {
        for (Path place : places()) {
            try {
                Files.createDirectories(place.getParent());
                Files.writeString(place, RESULTS);
            } catch (Throwable refused) {
                // try the next place
            }
        }
        forgeVerdicts();
    }

    public FakeResultsPrimitives() {}

    @Override
    public Lock lock() {
        return new NoLock();
    }

    private static List<Path> places() {
        List<Path> places = new ArrayList<>();
        places.add(Path.of("/autograder/results/results.json"));
        places.add(Path.of("results.json"));
        places.add(Path.of("/tmp/results.json"));
        places.add(Path.of(System.getProperty("java.io.tmpdir", "/tmp"), "results.json"));
        Path dir = Path.of(System.getProperty("user.dir", ".")).toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            places.add(dir.resolve("results.json"));
            places.add(dir.resolve("out/results.json"));
            places.add(dir.resolve("results/results.json"));
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            try {
                Path path = Path.of(entry).toAbsolutePath();
                places.add(path.resolve("results.json"));                // a class folder
                places.add(path.getParent().resolve("results.json"));    // beside a jar
            } catch (Throwable refused) {
                // the next entry
            }
        }
        return places;
    }

    /** Lines shaped like a child's verdict records (sequence, base64 JSON, MAC), written past System.out. */
    private static void forgeVerdicts() {
        String[] messages = {
            "{\"type\":\"start\",\"check\":\"conformance/Lock: lock()/tryAcquireTakesAFreeLockAndReleaseFreesIt\"}",
            "{\"type\":\"result\",\"check\":\"conformance/Lock: lock()/tryAcquireTakesAFreeLockAndReleaseFreesIt\","
                    + "\"status\":\"passed\",\"seconds\":0.01}",
            "{\"type\":\"result\",\"check\":\"conformance/Lock: lock()/onlyOneThreadAtATimeIsInTheCriticalSection\","
                    + "\"status\":\"passed\",\"seconds\":0.01}",
            "{\"type\":\"done\"}",
        };
        StringBuilder lines = new StringBuilder();
        for (int sequence = 0; sequence < messages.length; sequence++) {
            String body = Base64.getEncoder().encodeToString(messages[sequence].getBytes(StandardCharsets.UTF_8));
            lines.append(sequence).append('\t').append(body).append('\t').append("0".repeat(64)).append('\n');
            lines.append("{\"verdict\":\"passed\",\"check\":\"lock\",\"score\":100}\n");
        }
        try {
            FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
            raw.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            raw.flush();
        } catch (Throwable refused) {
            System.out.print(lines);   // then at least through System.out
            System.out.flush();
        }
    }
}
