package org.vrs.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.vrs.extract.MalformedBundleException.Defect;

/**
 * Reads a bundle zip from disk, untrusted, with bounds on the archive, the number of files and
 * each file's size, counted on the bytes actually inflated. Reads through the central directory,
 * as {@code unzip} does, so the files checked here are the files a court unpacks.
 */
final class BundleReader {

    static final long MAX_BUNDLE_BYTES = 512L * 1024 * 1024;
    static final int MAX_FILES = 16;
    static final int MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
    static final int MAX_SMALL_FILE_BYTES = 1024 * 1024;

    private BundleReader() {
    }

    static Map<String, byte[]> read(Path bundle) throws MalformedBundleException {
        return read(bundle, BundleFiles.REQUIRED, BundleFiles.OPTIONAL, Set.of(BundleFiles.EXTRACT, BundleFiles.PDF));
    }

    /**
     * A bundle of another layout (the audit export): {@code documents} may be as large as
     * {@link #MAX_DOCUMENT_BYTES}, every other file {@link #MAX_SMALL_FILE_BYTES}.
     */
    static Map<String, byte[]> read(Path bundle, List<String> required, List<String> optional, Set<String> documents)
            throws MalformedBundleException {
        String name = bundle.getFileName().toString();
        try {
            if (Files.size(bundle) > MAX_BUNDLE_BYTES) {
                throw new MalformedBundleException(Defect.TOO_LARGE, name, Files.size(bundle) + " bytes");
            }
        } catch (IOException e) {
            throw new MalformedBundleException(Defect.NOT_A_ZIP, name, e.toString());
        }
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (ZipEntry entry : entries(zip)) {
                String file = entry.getName();
                if (!required.contains(file) && !optional.contains(file)) {
                    throw new MalformedBundleException(Defect.UNEXPECTED_FILE, printable(file), "not a file of a bundle");
                }
                if (!seen.add(file)) {
                    throw new MalformedBundleException(Defect.DUPLICATE_FILE, file, "appears twice");
                }
                files.put(file, content(zip, entry, documents.contains(file) ? MAX_DOCUMENT_BYTES : MAX_SMALL_FILE_BYTES));
            }
            for (String needed : required) {
                if (!files.containsKey(needed)) {
                    throw new MalformedBundleException(Defect.MISSING_FILE, needed, "required");
                }
            }
            return files;
        } catch (ZipException e) {
            throw new MalformedBundleException(Defect.NOT_A_ZIP, name, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new MalformedBundleException(Defect.NOT_A_ZIP, name, e.toString());
        }
    }

    private static Iterable<ZipEntry> entries(ZipFile zip) throws MalformedBundleException {
        if (zip.size() > MAX_FILES) {
            throw new MalformedBundleException(Defect.TOO_MANY_FILES, zip.getName(), zip.size() + " files");
        }
        Enumeration<? extends ZipEntry> entries = zip.entries();
        return Collections.list(entries).stream().map(ZipEntry.class::cast).toList();
    }

    private static byte[] content(ZipFile zip, ZipEntry entry, int limit) throws IOException, MalformedBundleException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new MalformedBundleException(Defect.TOO_LARGE, entry.getName(), "more than " + limit + " bytes");
            }
            return bytes;
        }
    }

    private static String printable(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9_./-]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}
