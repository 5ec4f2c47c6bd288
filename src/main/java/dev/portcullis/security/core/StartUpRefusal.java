package dev.portcullis.security.core;

/** How the service says it will not start: plainly, on the console. */
public final class StartUpRefusal {

    private StartUpRefusal() {
    }

    /** In production the log is JSON, where a start-up error is hard to find; this line is not. */
    public static void print(Throwable reason) {
        System.err.println("Portcullis cannot start: " + reason.getMessage());
    }
}
