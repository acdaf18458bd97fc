package org.unccd.cst.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSON outputs (summary, manifest) the same way everywhere:
 * indented, UTF-8, properties in declaration order.
 */
public final class JsonFiles {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private JsonFiles() {
	}

	public static void write(Path file, Object value) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, MAPPER.writeValueAsString(value) + "\n");
	}

	public static <T> T read(Path file, Class<T> type) {
		return MAPPER.readValue(file.toFile(), type);
	}

}
