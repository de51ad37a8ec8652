import Foundation

extension TemplateLibrary {
    /// The environment variable naming a templates directory.
    package static let environmentVariable = "COURTESY_TEMPLATES"

    /// Where templates come from: the option (`--templates DIR`) if given, else `COURTESY_TEMPLATES`
    /// if set and not empty, else `templates/` in the current directory if it exists, else the copy
    /// shipped with Courtesy.
    package static func locate(
        option: String?, environment: [String: String], currentDirectory: String,
        directoryExists: (String) -> Bool = TemplateLibrary.directoryExists
    ) -> TemplateLocation {
        if let option, !option.isEmpty { return .directory(option) }
        if let variable = environment[environmentVariable], !variable.isEmpty { return .directory(variable) }
        let local = URL(fileURLWithPath: currentDirectory).appendingPathComponent("templates").path
        return directoryExists(local) ? .directory(local) : .bundled
    }

    /// The templates at a location.
    /// - Throws: `TemplateError` when they cannot be read or are invalid.
    package static func load(_ location: TemplateLocation) throws -> TemplateLibrary {
        switch location {
        case .directory(let path): try load(from: URL(fileURLWithPath: path))
        case .bundled: try bundled()
        }
    }

    /// Whether a directory exists at the path (following symbolic links).
    package static func directoryExists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
