import ArgumentParser
import CourtesyCore
import Foundation

/// `courtesy templates check`: lints the templates and exits non-zero when they have errors.
struct TemplatesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the reply templates: syntax, variables, coverage, variants and length limits.",
        discussion: """
            Templates are read from --templates DIR, else $\(TemplateLibrary.environmentVariable), else ./templates \
            if it exists, else the copy shipped with Courtesy. Prints one FILE:LINE: SEVERITY: MESSAGE line per \
            problem and a summary; exits 1 when there is any error (warnings alone pass).
            """
    )

    @Option(name: .long, help: ArgumentHelp("The templates directory.", valueName: "DIR"))
    var templates: String?

    func run() throws {
        let location = TemplateLibrary.locate(
            option: templates, environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath)
        let directory: URL
        switch location {
        case .directory(let path):
            directory = URL(fileURLWithPath: path)
        case .bundled:
            guard let bundled = TemplateLibrary.bundledDirectory else {
                throw ValidationError("no templates directory given and none shipped with this build")
            }
            directory = bundled
        }
        let report = TemplateLinter.check(directory: directory)
        for problem in report.problems {
            print("\(directory.path)/\(problem)")
        }
        print("\(report.passed ? "ok" : "FAILED"): \(location): \(report.summary)")
        if !report.passed { throw ExitCode.failure }
    }
}
