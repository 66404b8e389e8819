package dev.statefulai.cli;

/**
 * The training run of the class-data archive ({@code bin/lib/appcds.sh}): the commands people run most, in
 * one JVM, so that the archive holds the classes of both: a full synth into {@code OUT} (never dist/), then
 * the gate on it, compared with HEAD (its git reading too). Its exit code is synth's; the check's findings
 * on a scratch folder do not matter.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    /** {@code StartupTraining OUT}. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: StartupTraining OUT");
            System.exit(2);
        }
        int synth = Main.run("synth", "--full", "--out", args[0]);
        Main.run("check", "--dist", args[0], "--ref", "HEAD");
        System.exit(synth);
    }
}
