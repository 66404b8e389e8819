package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.render.IntOrStrings;
import java.util.List;
import org.cdk8s.plus28.k8s.ExecAction;
import org.cdk8s.plus28.k8s.HttpGetAction;
import org.cdk8s.plus28.k8s.Probe;
import org.cdk8s.plus28.k8s.TcpSocketAction;

/**
 * A container probe. Create with {@link #http}, {@link #tcp} or {@link #exec}, then adjust timing.
 *
 * <p>Defaults: period 10 s, timeout 5 s (model servers answer slowly under load), failure threshold 3,
 * no initial delay (a startup probe, not a delay, is how to wait for a slow start).
 */
public final class ProbeSpec {
    private final String httpPath;
    private final Integer port;
    private final List<String> command;
    private int periodSeconds = 10;
    private int timeoutSeconds = 5;
    private int failureThreshold = 3;
    private boolean failureThresholdSet;
    private Integer startupBudgetSeconds;
    private int initialDelaySeconds;

    private ProbeSpec(String httpPath, Integer port, List<String> command) {
        this.httpPath = httpPath;
        this.port = port;
        this.command = command;
    }

    /** An HTTP GET on {@code path} at {@code port}; any 2xx or 3xx is healthy. */
    public static ProbeSpec http(String path, int port) {
        Validate.absolutePath("ProbeSpec", "path", path);
        return new ProbeSpec(path, port(port), null);
    }

    /** A TCP connect to {@code port}. */
    public static ProbeSpec tcp(int port) {
        return new ProbeSpec(null, port(port), null);
    }

    private static int port(int port) {
        if (port < 1 || port > 65535) {
            Refusals.refuse(new InvalidPropsException("ProbeSpec", "port", port, "a port number from 1 to 65535"));
        }
        return port;
    }

    /** A command run in the container; exit code 0 is healthy. */
    public static ProbeSpec exec(String... command) {
        Validate.nonEmpty("ProbeSpec", "command", List.of(command), "a command and its arguments");
        return new ProbeSpec(null, null, List.of(command));
    }

    /** Seconds between checks. Default 10. */
    public ProbeSpec periodSeconds(int seconds) {
        this.periodSeconds = Validate.atLeast("ProbeSpec", "periodSeconds", seconds, 1);
        return this;
    }

    /** Seconds before one check times out. Default 5. */
    public ProbeSpec timeoutSeconds(int seconds) {
        this.timeoutSeconds = Validate.atLeast("ProbeSpec", "timeoutSeconds", seconds, 1);
        return this;
    }

    /** Consecutive failures before the probe fails. Default 3. Not together with {@link #allowStartupWithin}. */
    public ProbeSpec failureThreshold(int failures) {
        Validate.atLeast("ProbeSpec", "failureThreshold", failures, 1);
        if (startupBudgetSeconds != null) {
            Refusals.refuse(new InvalidPropsException("ProbeSpec", "failureThreshold", failures,
                    "not together with allowStartupWithin (" + startupBudgetSeconds + " s), which derives it"));
        }
        this.failureThreshold = failures;
        this.failureThresholdSet = true;
        return this;
    }

    /** Seconds before the first check. Default 0. */
    public ProbeSpec initialDelaySeconds(int seconds) {
        this.initialDelaySeconds = Validate.atLeast("ProbeSpec", "initialDelaySeconds", seconds, 0);
        return this;
    }

    /**
     * Lets a startup probe wait up to {@code seconds} in all (initial delay included) before the
     * container is restarted. The failure threshold is derived when the probe is written, as
     * {@code ceil((seconds - initialDelaySeconds) / periodSeconds)} and at least 1, so the order of the
     * calls does not matter. For model loads. Not together with {@link #failureThreshold}.
     */
    public ProbeSpec allowStartupWithin(int seconds) {
        Validate.atLeast("ProbeSpec", "allowStartupWithin", seconds, 1);
        if (failureThresholdSet) {
            Refusals.refuse(new InvalidPropsException("ProbeSpec", "allowStartupWithin", seconds,
                    "not together with failureThreshold (" + failureThreshold + "), which it would replace"));
        }
        this.startupBudgetSeconds = seconds;
        return this;
    }

    /** The failure threshold written: the one given, derived from {@link #allowStartupWithin}, or 3. */
    public int failureThreshold() {
        if (startupBudgetSeconds == null) {
            return failureThreshold;
        }
        int waiting = Math.max(0, startupBudgetSeconds - initialDelaySeconds);
        return Math.max(1, (waiting + periodSeconds - 1) / periodSeconds);
    }

    /** Seconds between checks. */
    public int periodSeconds() {
        return periodSeconds;
    }

    /** The longest a probe can fail before it gives up, in seconds. */
    public int budgetSeconds() {
        return initialDelaySeconds + periodSeconds * failureThreshold();
    }

    public Probe toProbe() {
        Probe.Builder b = Probe.builder()
                .periodSeconds(periodSeconds)
                .timeoutSeconds(timeoutSeconds)
                .failureThreshold(failureThreshold());
        if (initialDelaySeconds > 0) {
            b.initialDelaySeconds(initialDelaySeconds);
        }
        if (httpPath != null) {
            b.httpGet(HttpGetAction.builder().path(httpPath).port(IntOrStrings.of(port)).build());
        } else if (port != null) {
            b.tcpSocket(TcpSocketAction.builder().port(IntOrStrings.of(port)).build());
        } else {
            b.exec(ExecAction.builder().command(command).build());
        }
        return b.build();
    }
}
