package dev.statefulai.engine.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** An I/O error as one line for the user: the file and what went wrong, without the exception's class. */
public final class IoErrors {
    private IoErrors() {
    }

    /** The message of {@code e}: its own when it adds context, else its cause's. */
    public static String describe(UncheckedIOException e) {
        String own = e.getMessage();
        return own != null && !own.equals(String.valueOf(e.getCause())) ? own : describe(e.getCause());
    }

    /** {@code <file>: <reason>} for a file-system error (whose message is sometimes the file alone), else the message. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason(e);
        }
        return reason(e);
    }

    /** What went wrong, without the file: for a message that names the file its own way. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getReason() != null ? f.getReason() : reasonOf(f);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String reasonOf(FileSystemException f) {
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        } else if (f instanceof NoSuchFileException) {
            return "no such file or folder";
        } else if (f instanceof FileAlreadyExistsException) {
            return "already exists";
        } else if (f instanceof NotDirectoryException) {
            return "not a folder";
        } else if (f instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        return f.getClass().getSimpleName();
    }
}
