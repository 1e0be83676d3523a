package dev.interleave.stress.jcstress.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateSettingsTest {

    private static GateSettings settings(String mode, Duration budget, List<String> customArgs, double timeFactor) {
        return new GateSettings(mode, GateSettings.DEFAULT_FILTER, budget, customArgs, Path.of("results"),
                Path.of("reports"), "", "", "", timeFactor);
    }

    @Test
    void quickModeRunsOneJvmConfigurationWithAShortIteration() {
        List<String> args = settings(GateSettings.QUICK, null, List.of(), 1).presetArgs();

        assertEquals(List.of("-m", "sanity", "-f", "1", "-iters", "1", "-time", "300", "-sc", "false",
                "-jvmArgs", "-Xmx256m", "-strideSize", "256", "-strideCount", "4"), args);
    }

    @Test
    void longModeUsesEveryJvmConfigurationJcstressFinds() {
        assertEquals(List.of("-m", "quick"), settings(GateSettings.LONG, null, List.of(), 1).presetArgs());
    }

    @Test
    void customArgumentsReplaceThePreset() {
        List<String> custom = List.of("-m", "default");

        assertEquals(custom, settings(GateSettings.QUICK, null, custom, 1).presetArgs());
    }

    @Test
    void budgetGrowsWithTheNumberOfTestsAndTheTimeFactor() {
        assertEquals(Duration.ofSeconds(60 + 31 * 10), settings(GateSettings.QUICK, null, List.of(), 1).budgetFor(31));
        assertEquals(Duration.ofSeconds(2 * (60 + 31 * 10)),
                settings(GateSettings.QUICK, null, List.of(), 2).budgetFor(31));
        assertTrue(settings(GateSettings.LONG, null, List.of(), 1).budgetFor(31).toMinutes() > 60);
    }

    @Test
    void anExplicitTimeoutIsTheBudget() {
        Duration timeout = Duration.ofSeconds(42);

        assertEquals(timeout, settings(GateSettings.QUICK, timeout, List.of(), 3).budgetFor(31));
    }
}
