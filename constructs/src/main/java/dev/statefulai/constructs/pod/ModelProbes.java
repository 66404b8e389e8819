package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;

/**
 * Startup, readiness and liveness probes of a model server, with a startup budget that fits the model:
 * the startup probe holds the other two off until the model is loaded, so that liveness never kills a
 * pod that is still loading its weights.
 *
 * <p>The startup budget, unless given with {@link #startupBudgetSeconds}, is
 * {@value #STARTUP_OVERHEAD_SECONDS} s (runtime start, CUDA init, graph capture) plus the model size
 * divided by a throughput: {@value #LOAD_MIB_PER_SECOND_FROM_CACHE} MiB/s when a {@code CacheFill}
 * fills the cache before the server starts (the server only reads local or network disk; the fill's
 * download does not count against the probe), {@value #LOAD_MIB_PER_SECOND_WITH_DOWNLOAD} MiB/s
 * (about 200 Mbit/s) when the server may have to download the weights itself. Override the throughput
 * with {@link #loadMiBPerSecond}. Without a model size the budget is {@value #DEFAULT_STARTUP_BUDGET_SECONDS} s.
 * Example: a 16Gi model with a cache fill gets 300 + 16384 / 100 = 464 s, written as 47 checks of 10 s.
 *
 * <p>Timing: startup every 10 s; readiness every 5 s, unready after 3 failures; liveness every 15 s,
 * restarted after 4 failures (a minute); timeouts 5 s.
 */
public final class ModelProbes {
    /** Seconds added to the load time for everything but reading weights. */
    public static final int STARTUP_OVERHEAD_SECONDS = 300;
    /** Assumed MiB/s when a cache fill has put the weights on disk before the server starts. */
    public static final int LOAD_MIB_PER_SECOND_FROM_CACHE = 100;
    /** Assumed MiB/s when the server may download the weights itself. */
    public static final int LOAD_MIB_PER_SECOND_WITH_DOWNLOAD = 25;
    /** The budget without a model size. */
    public static final int DEFAULT_STARTUP_BUDGET_SECONDS = 600;

    private static final String C = "ModelProbes";
    private final String path;
    private final int port;
    private String modelSize;
    private Integer loadMiBPerSecond;
    private Integer startupBudgetSeconds;

    private ModelProbes(String path, int port) {
        this.path = path;
        this.port = port;
    }

    /** HTTP GET probes on {@code path} (e.g. vLLM's {@code /health}) at {@code port}. */
    public static ModelProbes http(String path, int port) {
        ProbeSpec.http(path, port); // validates path and port with the same messages
        return new ModelProbes(path, port);
    }

    /** Size of the weights, e.g. {@code 16Gi} for an 8B model in bf16; derives the startup budget. */
    public ModelProbes modelSize(String size) {
        this.modelSize = Validate.size(C, "modelSize", size);
        if (startupBudgetSeconds != null) {
            Refusals.refuse(new InvalidPropsException(C, "modelSize", size, "not together with startupBudgetSeconds, which is the budget already"));
        }
        return this;
    }

    /** Assumed read or download throughput in MiB/s. Default: see the class documentation. */
    public ModelProbes loadMiBPerSecond(int mibPerSecond) {
        this.loadMiBPerSecond = Validate.atLeast(C, "loadMiBPerSecond", mibPerSecond, 1);
        return this;
    }

    /** The startup budget itself, in seconds, instead of deriving it from {@link #modelSize}. */
    public ModelProbes startupBudgetSeconds(int seconds) {
        Validate.atLeast(C, "startupBudgetSeconds", seconds, 1);
        if (modelSize != null) {
            Refusals.refuse(new InvalidPropsException(C, "startupBudgetSeconds", seconds, "not together with modelSize, from which it is derived"));
        }
        this.startupBudgetSeconds = seconds;
        return this;
    }

    /** The startup budget in seconds; {@code cacheFilled} when a {@code CacheFill} runs before the server. */
    public int startupBudget(boolean cacheFilled) {
        if (startupBudgetSeconds != null) {
            return startupBudgetSeconds;
        }
        if (modelSize == null) {
            return DEFAULT_STARTUP_BUDGET_SECONDS;
        }
        int throughput = loadMiBPerSecond != null ? loadMiBPerSecond
                : cacheFilled ? LOAD_MIB_PER_SECOND_FROM_CACHE : LOAD_MIB_PER_SECOND_WITH_DOWNLOAD;
        java.math.BigDecimal mib = Validate.bytes(modelSize).divide(java.math.BigDecimal.valueOf(1L << 20), 0, java.math.RoundingMode.CEILING);
        long load = mib.longValue() / throughput + (mib.longValue() % throughput == 0 ? 0 : 1);
        return (int) Math.min(Integer.MAX_VALUE, STARTUP_OVERHEAD_SECONDS + load);
    }

    public ProbeSpec startup(boolean cacheFilled) {
        return ProbeSpec.http(path, port).periodSeconds(10).allowStartupWithin(startupBudget(cacheFilled));
    }

    public ProbeSpec readiness() {
        return ProbeSpec.http(path, port).periodSeconds(5);
    }

    public ProbeSpec liveness() {
        return ProbeSpec.http(path, port).periodSeconds(15).failureThreshold(4);
    }
}
