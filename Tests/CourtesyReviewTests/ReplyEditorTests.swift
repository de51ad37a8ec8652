import CourtesyReview
import Foundation
import Testing

private let drafted = "Hi Jane. I'm really sorry about your parcel."

@Suite("Editing a reply", .timeLimit(.minutes(1)))
struct ReplyEditorTests {
    @Test("the editor comes from EDITOR, else VISUAL, else vi")
    func editorCommand() {
        #expect(ExternalEditor.command(environment: ["EDITOR": "nano", "VISUAL": "code --wait"]) == "nano")
        #expect(ExternalEditor.command(environment: ["EDITOR": " ", "VISUAL": "code --wait"]) == "code --wait")
        #expect(ExternalEditor.command(environment: [:]) == "vi")
    }

    @Test("the edited file is read back as the editor left it")
    func edited() async throws {
        let editor = ExternalEditor(command: "sed -i 's/Hi Jane/Hello Jane/'")
        #expect(try await editor.edit(drafted) == "Hello Jane. I'm really sorry about your parcel.\n")
    }

    @Test("the editor gets the drafted text in a file only its owner can read")
    func fileContents() async throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("seen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        let editor = ExternalEditor(command: "stat -c %a \"$1\" > '\(copy.path)'; cat >> '\(copy.path)' <")
        _ = try? await editor.edit(drafted)
        let seen = try String(contentsOf: copy, encoding: .utf8)
        #expect(seen == "600\n" + drafted + "\n")
    }

    #if os(Linux)
        @Test("the editor runs in this process group, the terminal's foreground, so it can read the keyboard")
        func processGroup() async throws {
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("group-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: copy) }
            let editor = ExternalEditor(command: "cut -d ' ' -f 5 /proc/$$/stat > '\(copy.path)'; true")
            _ = try? await editor.edit(drafted)
            let group = try String(contentsOf: copy, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(group == String(getpgrp()))
        }
    #endif

    @Test("an editor that fails aborts, naming its status")
    func failing() async throws {
        let error = await #expect(throws: ReviewError.self) {
            try await ExternalEditor(command: "exit 3;").edit(drafted)
        }
        #expect(error?.exitCode == .failure)
        #expect(error?.message == "the editor (exit 3;) exited with status 3: nothing approved")
    }
}
