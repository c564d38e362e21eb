package io.github.connectparticipant.camel.chat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Two repositories on one folder, as two JVMs share it, see each other's writes at once, which Camel's
 * FileStateRepository on one file does not (why the README names this one for a cluster).
 */
class SharedFolderStateRepositoryTest {

    @TempDir
    Path folder;

    @Test
    void twoRepositoriesOnOneFolderSeeEachOthersWritesAndAnEmptyValueRemovesTheKey() throws Exception {
        SharedFolderStateRepository one = new SharedFolderStateRepository(folder.resolve("state"));
        SharedFolderStateRepository other = new SharedFolderStateRepository(folder.resolve("state").toString());
        one.start();
        other.start();
        one.setState("connectparticipant.chats.3", "key-a key-b");
        assertEquals("key-a key-b", other.getState("connectparticipant.chats.3"));
        other.setState("connectparticipant.chats.3", "key-a");
        assertEquals("key-a", one.getState("connectparticipant.chats.3"));
        // any key is one file name; nothing written aside is left
        one.setState("a/../key with = and \n", "v");
        assertEquals("v", other.getState("a/../key with = and \n"));
        one.setState("connectparticipant.chats.3", "");
        assertNull(other.getState("connectparticipant.chats.3"));
        try (var files = Files.list(folder.resolve("state"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void camelsFileStateRepositoryIsNotSharedBetweenTwoInstances() throws Exception {
        FileStateRepository one = FileStateRepository.fileStateRepository(folder.resolve("state.dat").toFile());
        FileStateRepository other = FileStateRepository.fileStateRepository(folder.resolve("state.dat").toFile());
        one.start();
        other.start();
        one.setState("a", "1");
        other.setState("b", "2");
        assertNull(other.getState("a"), "read once, when it starts: the other's write is not seen");
        assertNull(one.getState("b"));
    }
}
