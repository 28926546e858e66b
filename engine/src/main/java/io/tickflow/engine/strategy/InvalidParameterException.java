package io.tickflow.engine.strategy;

/**
 * A strategy parameter that is missing, of the wrong type or out of range: names the
 * strategy, the parameter and what was expected, so a configuration loader can point at the
 * line that set it.
 */
public final class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String problem;

    InvalidParameterException(String strategy, String parameter, String problem) {
        super("strategy '" + strategy + "': parameter '" + parameter + "': " + problem);
        this.parameter = parameter;
        this.problem = problem;
    }

    /** The parameter's name, e.g. {@code fast}. */
    public String parameter() {
        return parameter;
    }

    /** What is wrong with it, e.g. {@code expected an integer, found 'abc'}. */
    public String problem() {
        return problem;
    }
}
