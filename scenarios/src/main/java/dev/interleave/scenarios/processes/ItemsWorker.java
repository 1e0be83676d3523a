package dev.interleave.scenarios.processes;

import java.util.ArrayList;
import java.util.List;

/**
 * The worker of the lecture's "Processes do not share memory!" example, as a child process:
 * <pre>
 * def worker(items):
 *     for i in itertools.count():
 *         try:
 *             items.pop()
 *         except IndexError:
 *             break
 *     print current_process().name, 'processed %i items.' % i
 * </pre>
 * Arguments: the process's name and the items ({@code 1,2,3,4,5,6}), which the child gets as its
 * own copy, as a started process gets its arguments. Each pop is a step, with the child's copy
 * after it.
 */
public final class ItemsWorker {
    private ItemsWorker() {}

    public static void main(String[] args) {
        Child child = Child.start(args);
        List<Integer> items = new ArrayList<>();
        for (String item : args[1].split(",")) {
            items.add(Integer.valueOf(item.trim()));
        }
        int i;
        for (i = 0; ; i++) {
            try {
                int item = items.remove(items.size() - 1);
                child.step("items.pop() → " + item, items.toString());
            } catch (IndexOutOfBoundsException indexError) {
                child.step("items.pop(): IndexError (its list is empty)", items.toString());
                break;
            }
        }
        child.print(child.name() + " processed " + i + " items.");
    }
}
