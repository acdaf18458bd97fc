package org.unccd.cst.console;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A published file as a download: its media type, an attachment with its name, its
 * SHA-256 from the manifest as the entity tag (a client that has it gets 304).
 */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<Resource> serve(PublishedFiles.Download download, String ifNoneMatch, Runnable served) {
		String etag = "\"" + download.sha256() + "\"";
		HttpHeaders headers = new HttpHeaders();
		headers.setETag(etag);
		headers.setCacheControl("private, no-cache");
		if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
		}
		headers.setContentType(MediaType.parseMediaType(download.contentType()));
		headers.setContentDisposition(
				ContentDisposition.attachment().filename(download.name(), StandardCharsets.UTF_8).build());
		served.run();
		return ResponseEntity.ok().headers(headers).body(new FileSystemResource(download.path()));
	}

}
