package dev.interleave.reports.grade;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interleave.reports.collect.PrimitiveNames;
import dev.interleave.reports.grade.child.CheckInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How checks become points: a list of items, each worth its points when every check it selects
 * passed (a bug anywhere in a primitive costs the whole item), and the homework policy's weight.
 *
 * <p>An item selects the checks that meet all of its criteria: {@code tools} (tool ids),
 * {@code primitive} (as the overview names it: {@code Lock}, {@code FairLock}, {@code FifoQueue}...),
 * {@code match} (a regular expression found in {@code <tool>/<class>/<test>}); checks that
 * {@code exclude} is found in, or tagged with one of {@code excludeTags} (by default
 * {@code observation}: the scenarios that report, never judge), are left out. A rubric whose item
 * selects no check of the battery is refused.
 *
 * <p>The shipped rubric leaves out the lecture's checks that pass against a submission that
 * implements nothing (threads and processes without primitives, and the broken variants that
 * use none): they say nothing about a submission. {@code UnimplementedScoresNothingTest} keeps it
 * so.
 *
 * @param title shown at the top of the results
 * @param visibility Gradescope's visibility of the results ({@code visible}, {@code hidden},
 *        {@code after_due_date}, {@code after_published})
 * @param items the items
 * @param policy the homework policy's item
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Rubric(String title, String visibility, List<Item> items, PolicyItem policy) {
    static final Set<String> VISIBILITIES = Set.of("visible", "hidden", "after_due_date", "after_published");

    /**
     * @param name the test's name on Gradescope
     * @param points what it is worth
     * @param visibility its visibility (the rubric's when absent)
     * @param tools the tools whose checks it takes (all when absent)
     * @param primitive the primitive whose checks it takes (any when absent)
     * @param match a regular expression found in {@code <tool>/<class>/<test>} (any when absent)
     * @param exclude a regular expression: the checks it is found in are left out (none when absent)
     * @param excludeTags tags whose checks it leaves out ({@code observation} when absent)
     */
    public record Item(String name, double points, String visibility, List<String> tools, String primitive,
            String match, String exclude, List<String> excludeTags) {

        boolean selects(CheckInfo check) {
            if (tools != null && !tools.contains(check.tool())) {
                return false;
            }
            if (primitive != null && !primitive.equals(primitiveOf(check))) {
                return false;
            }
            if (match != null && !Pattern.compile(match).matcher(key(check)).find()) {
                return false;
            }
            if (exclude != null && Pattern.compile(exclude).matcher(key(check)).find()) {
                return false;
            }
            List<String> excluded = excludeTags == null ? List.of("observation") : excludeTags;
            return excluded.stream().noneMatch(check.tags()::contains);
        }
    }

    /**
     * @param name the test's name on Gradescope
     * @param points what complying is worth
     * @param onViolation {@code zero} (a violation makes the whole score 0) or {@code item} (it
     *        costs this item's points only)
     */
    public record PolicyItem(String name, double points, String onViolation) {}

    /** The key an item's {@code match} is found in. */
    static String key(CheckInfo check) {
        return check.tool() + "/" + check.classname() + "/" + check.name();
    }

    /** The primitive a check is about, as the report names it; null for the scenarios. */
    static String primitiveOf(CheckInfo check) {
        if (check.tool().equals("scenarios")) {
            return null;
        }
        return PrimitiveNames.of(check.classname());
    }

    /** The rubric that ships with the grader. */
    static Rubric standard() throws IOException {
        try (InputStream in = Rubric.class.getResourceAsStream("default-rubric.json")) {
            return parse(in.readAllBytes(), "the default rubric");
        }
    }

    /** A teacher's rubric; the message of the exception names what is wrong. */
    static Rubric read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the rubric " + file + ": " + e.getMessage());
        }
        return parse(bytes, file.toString());
    }

    private static Rubric parse(byte[] bytes, String source) {
        Rubric rubric;
        try {
            rubric = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(bytes,
                    Rubric.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the rubric " + source + " is not valid: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> problems = new ArrayList<>();
        if (rubric.items() == null || rubric.items().isEmpty()) {
            problems.add("it has no items");
        } else {
            for (Item item : rubric.items()) {
                if (item.name() == null || item.name().isBlank()) {
                    problems.add("an item has no name");
                }
                if (item.points() < 0) {
                    problems.add("'" + item.name() + "' has negative points");
                }
                if (item.visibility() != null && !VISIBILITIES.contains(item.visibility())) {
                    problems.add("'" + item.name() + "' has the visibility '" + item.visibility() + "' (one of "
                            + VISIBILITIES + ")");
                }
                for (String pattern : new String[] {item.match(), item.exclude()}) {
                    if (pattern != null) {
                        try {
                            Pattern.compile(pattern);
                        } catch (PatternSyntaxException e) {
                            problems.add("'" + item.name() + "': '" + pattern + "' is not a regular expression: "
                                    + e.getDescription());
                        }
                    }
                }
            }
        }
        if (rubric.visibility() != null && !VISIBILITIES.contains(rubric.visibility())) {
            problems.add("the visibility '" + rubric.visibility() + "' is not one of " + VISIBILITIES);
        }
        if (rubric.policy() != null && rubric.policy().onViolation() != null
                && !Set.of("zero", "item").contains(rubric.policy().onViolation())) {
            problems.add("policy.onViolation is '" + rubric.policy().onViolation() + "' (zero or item)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the rubric " + source + " is not valid: " + String.join("; ", problems));
        }
        return rubric;
    }

    /** Refuses a rubric with an item that selects none of {@code battery}: a typo would silently give points away. */
    void checkAgainst(List<CheckInfo> battery) {
        List<String> empty = new ArrayList<>();
        for (Item item : items) {
            if (battery.stream().noneMatch(item::selects)) {
                empty.add("'" + item.name() + "'");
            }
        }
        if (!empty.isEmpty()) {
            throw new IllegalArgumentException("these rubric items select no check of the battery: "
                    + String.join(", ", empty));
        }
    }

    double total() {
        return items.stream().mapToDouble(Item::points).sum() + (policy == null ? 0 : policy.points());
    }

    String visibilityOr(String fallback) {
        return visibility == null ? fallback : visibility;
    }
}
