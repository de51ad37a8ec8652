import Foundation

/// A temporary directory for the files the demo needs (an agent roster), removed when the demo ends.
final class DemoWorkspace {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("courtesy-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes a roster of agents who are always on shift, so every draft is signed by a person; returns its path.
    func writeRoster() throws -> String {
        let always = #"[{"days":["mon","tue","wed","thu","fri","sat","sun"],"start":"00:00","end":"24:00"}]"#
        let agents = [
            ("ana-garcia", "Ana García", #"["billing","account"]"#, #"["en","es"]"#),
            ("ben-okafor", "Ben Okafor", #"["delivery","returns"]"#, #"["en"]"#),
            ("chloe-martin", "Chloé Martin", #"["*"]"#, #"["en"]"#),
            ("diego-ruiz", "Diego Ruiz", #"["*"]"#, #"["en","es"]"#),
        ]
        let entries = agents.map { id, name, skills, languages in
            #"{"id":"\#(id)","name":"\#(name)","skills":\#(skills),"languages":\#(languages),"#
                + #""timeZone":"UTC","shifts":\#(always)}"#
        }
        let file = directory.appendingPathComponent("agents.json")
        try Data(#"{"agents":[\#(entries.joined(separator: ","))]}"#.utf8).write(to: file)
        return file.path
    }
}
