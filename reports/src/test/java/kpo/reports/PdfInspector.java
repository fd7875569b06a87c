package kpo.reports;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.SimpleBookmark;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a generated PDF back with OpenPDF's own reader, for tests: text per page, fonts and whether
 * each is embedded, image XObjects anywhere (pages and nested forms), bookmarks, links, named
 * destinations and the document information.
 */
final class PdfInspector {

    private final PdfReader reader;
    private final List<String> pages = new ArrayList<>();

    PdfInspector(byte[] pdf) {
        try {
            reader = new PdfReader(pdf);
            pages.addAll(printedText(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every page's text as printed, artifacts (running header and footer, arrows) included: OpenPDF's
     * extractor leaves out marked artifacts, as a screen reader does, so on a copy they are renamed
     * to an ordinary tag first.
     */
    private static List<String> printedText(byte[] pdf) throws IOException {
        PdfReader copy = new PdfReader(pdf);
        List<String> text = new ArrayList<>();
        try {
            for (int i = 1; i <= copy.getNumberOfPages(); i++) {
                String content = new String(copy.getPageContent(i), java.nio.charset.StandardCharsets.ISO_8859_1);
                copy.setPageContent(i, content.replace("/Artifact", "/Span").getBytes(
                        java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            PdfTextExtractor extractor = new PdfTextExtractor(copy);
            for (int i = 1; i <= copy.getNumberOfPages(); i++) {
                text.add(extractor.getTextFromPage(i));
            }
            return text;
        } finally {
            copy.close();
        }
    }

    int pageCount() {
        return reader.getNumberOfPages();
    }

    /** The text of page {@code page}, from 1. */
    String text(int page) {
        return pages.get(page - 1);
    }

    String allText() {
        return String.join("\n", pages);
    }

    /** The first page whose text contains {@code needle}, or −1. */
    int pageWith(String needle) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(needle)) {
                return i + 1;
            }
        }
        return -1;
    }

    Map<String, String> info() {
        return reader.getInfo();
    }

    PdfDictionary catalog() {
        return reader.getCatalog();
    }

    /** The base names of every font used on any page or in any form XObject, and whether it is embedded. */
    Map<String, Boolean> fonts() {
        Map<String, Boolean> fonts = new java.util.TreeMap<>();
        Set<PdfDictionary> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            resources(reader.getPageN(i).getAsDict(PdfName.RESOURCES), fonts, null, seen);
        }
        return fonts;
    }

    /** Image XObjects anywhere in the document. */
    int imageCount() {
        int[] images = {0};
        Set<PdfDictionary> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            resources(reader.getPageN(i).getAsDict(PdfName.RESOURCES), null, images, seen);
        }
        return images[0];
    }

    /** Form XObjects anywhere in the document (charts, icons, page numbers). */
    int formCount() {
        Set<PdfObject> forms = new HashSet<>();
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            PdfDictionary xobjects = reader.getPageN(i).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.XOBJECT);
            if (xobjects != null) {
                for (PdfName key : xobjects.getKeys()) {
                    forms.add(xobjects.get(key));
                }
            }
        }
        return forms.size();
    }

    private void resources(PdfDictionary resources, Map<String, Boolean> fonts, int[] images,
            Set<PdfDictionary> seen) {
        if (resources == null || !seen.add(resources)) {
            return;
        }
        PdfDictionary fontDict = resources.getAsDict(PdfName.FONT);
        if (fontDict != null && fonts != null) {
            for (PdfName key : fontDict.getKeys()) {
                PdfDictionary font = (PdfDictionary) PdfReader.getPdfObject(fontDict.get(key));
                fonts.put(PdfName.decodeName(font.getAsName(PdfName.BASEFONT).toString()), embedded(font));
            }
        }
        PdfDictionary xobjects = resources.getAsDict(PdfName.XOBJECT);
        if (xobjects != null) {
            for (PdfName key : xobjects.getKeys()) {
                PdfObject object = PdfReader.getPdfObject(xobjects.get(key));
                if (object instanceof PRStream stream) {
                    PdfName subtype = stream.getAsName(PdfName.SUBTYPE);
                    if (PdfName.IMAGE.equals(subtype) && images != null) {
                        images[0]++;
                    } else if (PdfName.FORM.equals(subtype)) {
                        resources(stream.getAsDict(PdfName.RESOURCES), fonts, images, seen);
                    }
                }
            }
        }
    }

    private static boolean embedded(PdfDictionary font) {
        PdfDictionary descriptor = font.getAsDict(PdfName.FONTDESCRIPTOR);
        if (descriptor == null) {
            PdfArray descendants = font.getAsArray(PdfName.DESCENDANTFONTS);
            if (descendants == null || descendants.isEmpty()) {
                return false;
            }
            PdfDictionary descendant = (PdfDictionary) PdfReader.getPdfObject(descendants.getPdfObject(0));
            descriptor = descendant.getAsDict(PdfName.FONTDESCRIPTOR);
        }
        return descriptor != null && (descriptor.contains(PdfName.FONTFILE) || descriptor.contains(PdfName.FONTFILE2)
                || descriptor.contains(PdfName.FONTFILE3));
    }

    /** Every bookmark title, depth first. */
    List<String> bookmarks() {
        List<String> titles = new ArrayList<>();
        List<Map<String, Object>> list = SimpleBookmark.getBookmarkList(reader);
        if (list != null) {
            collect(list, titles);
        }
        return titles;
    }

    @SuppressWarnings("unchecked")
    private static void collect(List<Map<String, Object>> list, List<String> titles) {
        for (Map<String, Object> bookmark : list) {
            titles.add((String) bookmark.get("Title"));
            Object kids = bookmark.get("Kids");
            if (kids != null) {
                collect((List<Map<String, Object>>) kids, titles);
            }
        }
    }

    /**
     * The page each link on page {@code page} goes to. OpenPDF writes local links as explicit
     * destinations (a page reference), so the page is what a link can be checked against.
     */
    List<Integer> linkTargets(int page) {
        Map<Integer, Integer> pageByRef = new java.util.HashMap<>();
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            pageByRef.put(reader.getPageOrigRef(i).getNumber(), i);
        }
        List<Integer> targets = new ArrayList<>();
        PdfArray annotations = reader.getPageN(page).getAsArray(PdfName.ANNOTS);
        if (annotations == null) {
            return targets;
        }
        for (int i = 0; i < annotations.size(); i++) {
            PdfDictionary annotation = (PdfDictionary) PdfReader.getPdfObject(annotations.getPdfObject(i));
            if (!PdfName.LINK.equals(annotation.getAsName(PdfName.SUBTYPE))) {
                continue;
            }
            PdfObject dest = PdfReader.getPdfObject(annotation.get(PdfName.DEST));
            PdfDictionary action = annotation.getAsDict(PdfName.A);
            if (dest == null && action != null) {
                dest = PdfReader.getPdfObject(action.get(PdfName.D));
            }
            if (dest instanceof PdfString name) {
                targets.add(destinations().get(name.toUnicodeString()));
            } else if (dest instanceof PdfArray array && !array.isEmpty()
                    && array.getPdfObject(0) instanceof com.lowagie.text.pdf.PdfIndirectReference ref) {
                targets.add(pageByRef.get(ref.getNumber()));
            }
        }
        return targets;
    }

    /** The link annotations of page {@code page}. */
    List<PdfDictionary> links(int page) {
        List<PdfDictionary> links = new ArrayList<>();
        PdfArray annotations = reader.getPageN(page).getAsArray(PdfName.ANNOTS);
        for (int i = 0; annotations != null && i < annotations.size(); i++) {
            PdfDictionary annotation = (PdfDictionary) PdfReader.getPdfObject(annotations.getPdfObject(i));
            if (PdfName.LINK.equals(annotation.getAsName(PdfName.SUBTYPE))) {
                links.add(annotation);
            }
        }
        return links;
    }

    /** Named destinations and the page each is on. */
    Map<String, Integer> destinations() {
        Map<String, Integer> pagesByName = new java.util.TreeMap<>();
        Map<Object, PdfObject> names = reader.getNamedDestination();
        Map<Integer, Integer> pageByRef = new java.util.HashMap<>();
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            pageByRef.put(reader.getPageOrigRef(i).getNumber(), i);
        }
        for (Map.Entry<Object, PdfObject> entry : names.entrySet()) {
            PdfObject value = PdfReader.getPdfObject(entry.getValue());
            PdfArray array = value instanceof PdfArray a ? a
                    : value instanceof PdfDictionary d ? d.getAsArray(PdfName.D) : null;
            if (array == null || array.isEmpty()) {
                continue;
            }
            PdfObject pageRef = array.getPdfObject(0);
            Integer page = pageRef instanceof com.lowagie.text.pdf.PdfIndirectReference ref
                    ? pageByRef.get(ref.getNumber()) : null;
            pagesByName.put(entry.getKey().toString(), page);
        }
        return pagesByName;
    }

    /** An element of the structure tree: its role, its alternative text if any, its depth under the root. */
    record Tag(String role, String alt, int depth) {
    }

    /** The structure tree in reading order (depth first), from the catalog's StructTreeRoot. */
    List<Tag> structure() {
        List<Tag> tags = new ArrayList<>();
        PdfDictionary root = catalog().getAsDict(PdfName.STRUCTTREEROOT);
        if (root != null) {
            walk(PdfReader.getPdfObject(root.get(PdfName.K)), 0, tags);
        }
        return tags;
    }

    private static void walk(PdfObject kids, int depth, List<Tag> tags) {
        if (kids == null) {
            return;
        }
        if (kids.isArray()) {
            for (PdfObject kid : ((PdfArray) kids).getElements()) {
                walk(PdfReader.getPdfObject(kid), depth, tags);
            }
            return;
        }
        if (!kids.isDictionary()) {
            return;
        }
        PdfDictionary element = (PdfDictionary) kids;
        PdfName role = element.getAsName(PdfName.S);
        if (role == null) {
            return;
        }
        PdfString alt = element.getAsString(PdfName.ALT);
        tags.add(new Tag(PdfName.decodeName(role.toString()), alt == null ? null : alt.toUnicodeString(), depth));
        walk(PdfReader.getPdfObject(element.get(PdfName.K)), depth + 1, tags);
    }
}
