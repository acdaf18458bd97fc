package org.unccd.cst;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/**
 * A tagged PDF read back as a screen reader reads it: the structure tree, each element
 * with the text of the content it marks, and the text of each page that is marked as an
 * artifact (running heads, page numbers, repeated table headers).
 */
public final class TaggedPdf {

	/**
	 * One structure element: its type, its own text, its attributes, the ID of the
	 * element it refers to ({@code Ref}) and its children.
	 */
	public record Node(String type, String text, String alt, String lang, String id, String scope, String ref,
			List<Node> children) {

		/** This element's text and its descendants', in reading order. */
		public String allText() {
			StringBuilder all = new StringBuilder(this.text);
			for (Node child : this.children) {
				all.append(child.allText());
			}
			return all.toString();
		}

		/** Every element below this one, at any depth, in reading order, that matches. */
		public List<Node> find(Predicate<Node> test) {
			List<Node> found = new ArrayList<>();
			for (Node child : this.children) {
				if (test.test(child)) {
					found.add(child);
				}
				found.addAll(child.find(test));
			}
			return found;
		}

		public List<Node> find(String type) {
			return find((node) -> node.type().equals(type));
		}

		public List<Node> children(String type) {
			return this.children.stream().filter((node) -> node.type().equals(type)).toList();
		}

	}

	/** A run of text marked in the page content as being in another language. */
	public record Passage(String lang, String text) {
	}

	private final Node root;

	private final List<String> artifacts;

	private final List<Passage> passages;

	private final boolean marked;

	private TaggedPdf(Node root, List<String> artifacts, List<Passage> passages, boolean marked) {
		this.root = root;
		this.artifacts = artifacts;
		this.passages = passages;
		this.marked = marked;
	}

	/**
	 * The runs of text inside an element's content that say their own language (a
	 * {@code Span} with {@code Lang}), in the order of the pages' content.
	 */
	public List<Passage> passages() {
		return this.passages;
	}

	/** The structure tree's root, whose children are the tree root's kids. */
	public Node root() {
		return this.root;
	}

	/** The text of the artifacts, page by page. */
	public List<String> artifacts() {
		return this.artifacts;
	}

	/** Whether the catalog says the document is tagged. */
	public boolean marked() {
		return this.marked;
	}

	public static TaggedPdf read(Path file) throws IOException {
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			Map<PDPage, Map<Integer, String>> texts = new HashMap<>();
			List<String> artifacts = new ArrayList<>();
			List<Passage> passages = new ArrayList<>();
			for (PDPage page : document.getPages()) {
				PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
				extractor.processPage(page);
				Map<Integer, String> byId = new HashMap<>();
				StringBuilder artifact = new StringBuilder();
				for (PDMarkedContent content : extractor.getMarkedContents()) {
					if ("Artifact".equals(content.getTag())) {
						artifact.append(text(content)).append('\n');
					}
					else if (content.getMCID() >= 0) {
						byId.merge(content.getMCID(), text(content), String::concat);
						passages(content, passages);
					}
				}
				texts.put(page, byId);
				artifacts.add(artifact.toString());
			}
			PDStructureTreeRoot tree = document.getDocumentCatalog().getStructureTreeRoot();
			List<Node> kids = new ArrayList<>();
			if (tree != null) {
				for (Object kid : tree.getKids()) {
					if (kid instanceof PDStructureElement element) {
						kids.add(node(element, texts));
					}
				}
			}
			boolean marked = document.getDocumentCatalog().getMarkInfo() != null
					&& document.getDocumentCatalog().getMarkInfo().isMarked();
			return new TaggedPdf(new Node("", "", null, null, null, null, null, kids), artifacts, passages, marked);
		}
	}

	private static Node node(PDStructureElement element, Map<PDPage, Map<Integer, String>> texts) {
		StringBuilder text = new StringBuilder();
		List<Node> children = new ArrayList<>();
		for (Object kid : element.getKids()) {
			if (kid instanceof PDStructureElement child) {
				children.add(node(child, texts));
			}
			else if (kid instanceof Integer mcid) {
				text.append(texts.getOrDefault(element.getPage(), Map.of()).getOrDefault(mcid, ""));
			}
			else if (kid instanceof PDMarkedContentReference reference) {
				PDPage page = (reference.getPage() != null) ? reference.getPage() : element.getPage();
				text.append(texts.getOrDefault(page, Map.of()).getOrDefault(reference.getMCID(), ""));
			}
		}
		String scope = null;
		COSDictionary attributes = element.getCOSObject().getCOSDictionary(COSName.A);
		if (attributes != null) {
			scope = attributes.getNameAsString(COSName.getPDFName("Scope"));
		}
		String id = element.getCOSObject().getString(COSName.ID);
		String ref = null;
		COSArray refs = element.getCOSObject().getCOSArray(COSName.getPDFName("Ref"));
		if (refs != null && refs.getObject(0) instanceof COSDictionary referred) {
			ref = referred.getString(COSName.ID);
		}
		return new Node(element.getStructureType(), text.toString(), element.getAlternateDescription(),
				element.getLanguage(), id, scope, ref, children);
	}

	private static void passages(PDMarkedContent content, List<Passage> passages) {
		for (Object item : content.getContents()) {
			if (item instanceof PDMarkedContent inner) {
				String lang = (inner.getProperties() != null) ? inner.getProperties().getString(COSName.LANG) : null;
				if (lang != null) {
					passages.add(new Passage(lang, text(inner)));
				}
				passages(inner, passages);
			}
		}
	}

	private static String text(PDMarkedContent content) {
		StringBuilder text = new StringBuilder();
		for (Object item : content.getContents()) {
			if (item instanceof TextPosition position) {
				text.append(position.getUnicode());
			}
			else if (item instanceof PDMarkedContent inner) {
				// what the text stands for, where it says (a hyphen added at a line
				// break stands for nothing)
				text.append((inner.getActualText() != null) ? inner.getActualText() : text(inner));
			}
		}
		return text.toString();
	}

}
