package io.bouncelens.classify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The index must name every .kb file in the source tree: a file it omits would silently not load. */
class KnowledgeBaseFilesTest {

    @Test
    void indexListsEveryKbFileInTheSourceTree() throws IOException {
        Path root = Path.of("src/main/resources", KnowledgeBase.ROOT);
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(root)) {
            onDisk = files.filter(p -> p.toString().endsWith(".kb"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        List<String> indexed;
        try (InputStream in = Files.newInputStream(root.resolve("index.txt"))) {
            indexed = KnowledgeBase.bundledPaths(in);
        }
        assertThat(indexed).doesNotHaveDuplicates();
        assertThat(indexed).containsExactlyInAnyOrderElementsOf(onDisk);
    }
}
