package hostile.staticinit;

import fixture.Unimplemented;

// Attack: the class's static initializer throws, so the class can never be initialized.
public class StaticInitPrimitives extends Unimplemented {
    static {
        if (true) {
            throw new IllegalStateException("the static initializer of StaticInitPrimitives fails");
        }
    }

    public StaticInitPrimitives() {}
}
