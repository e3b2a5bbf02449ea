package com.kinshop.shared;

import java.util.List;

/**
 * The URL folders the application answers with files (its CSS, scripts and images, WebJars, uploaded media): one list
 * for the places that treat them apart — no controller, no session, no flash message, no request timing.
 */
public final class ServedFiles {

    public static final List<String> FOLDERS = List.of("/css/", "/js/", "/img/", "/webjars/", MediaStore.URL_PREFIX);

    private ServedFiles() {
    }

    /** Whether a path (without the context path) is a file's. */
    public static boolean contains(String path) {
        return FOLDERS.stream().anyMatch(path::startsWith);
    }
}
