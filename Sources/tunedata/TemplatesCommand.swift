import ArgumentParser
import Foundation
import TuneData

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List, create and preview conversation templates.",
        subcommands: [List.self, Init.self, Preview.self, Suggest.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List templates and what they do.")

        @Option(name: .customLong("templates"), help: "Template files or folders (default: the shipped set).")
        var paths: [String] = []

        @Flag(help: "Also list every variable a template may use.")
        var variables = false

        func run() throws {
            let set = try loadTemplates(paths)
            for template in set.templates {
                let formats = template.formats.sorted().joined(separator: ",")
                print(
                    "\(template.name)  [\(template.category); \(formats); \(template.user.count) phrasing\(template.user.count == 1 ? "" : "s")]"
                )
                print("    \(template.description)")
                if !template.requires.isEmpty { print("    requires: \(template.requires.joined(separator: ", "))") }
                print("    \(template.file)")
            }
            if variables {
                print("\nVariables:")
                // The longest name sets the column, so "{{fact.non_compete_duration_sentence}}" keeps
                // a space before its meaning.
                let width = (TemplateVariables.documented.map(\.name.count).max() ?? 0) + 7
                for (name, meaning) in TemplateVariables.documented {
                    print("  {{\(name)}}".padding(toLength: width, withPad: " ", startingAt: 0) + meaning)
                }
            }
        }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an editable starter set of templates into a folder.")

        @Argument(help: "The folder to create (must not contain templates already).")
        var directory: String

        @Option(help: "legal (contracts, statutes) or generic.")
        var domain: Domain = .legal

        enum Domain: String, ExpressibleByArgument, CaseIterable { case legal, generic }

        func run() throws {
            guard let shipped = TemplateSet.shippedDirectory else {
                throw ValidationError("the shipped templates are missing")
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: shipped.path).filter {
                $0.hasSuffix(".yaml")
            }.sorted()
            let chosen = names.filter { name in
                switch domain {
                case .legal: true
                case .generic: !name.hasPrefix("legal-")
                }
            }
            let target = URL(fileURLWithPath: directory, isDirectory: true)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for name in chosen {
                let destination = target.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: destination.path) {
                    printError("\(destination.path): already exists; not overwritten")
                    throw ExitCode.failure
                }
            }
            for name in chosen {
                try FileManager.default.copyItem(
                    at: shipped.appendingPathComponent(name), to: target.appendingPathComponent(name))
                print(target.appendingPathComponent(name).path)
            }
            printError(
                "Wrote \(chosen.count) templates. Edit them, then: tunedata convert INPUT -o DIR --templates \(directory)"
            )
        }
    }

    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Render the conversations one document would give.")

        @Argument(help: "A template file or folder (or the name of a shipped template).")
        var template: String

        @Argument(help: "The document to render it over.")
        var file: String

        @OptionGroup var budget: BudgetOptions

        @Option(help: "Seed that picks phrasings.")
        var seed: UInt64 = 0

        @Option(help: "Show at most this many conversations.")
        var limit: Int = 5

        @Option(help: "Output format: text or json (one JSON object per example).")
        var format: OutputStyle = .text

        func run() throws {
            let set = try loadTemplates([template])
            let document = try loadDocument(file, password: nil)
            let passages = Chunker(options: try budget.chunkingOptions()).passages(of: document)
            let rendered = set.render(document: document, passages: passages, seed: seed)
            for example in rendered.examples.prefix(limit) {
                switch format {
                case .json: print(try JSONOutput.string(example))
                case .text:
                    let where_ = [
                        example.provenance.section,
                        example.provenance.pages.isEmpty
                            ? nil : "pages \(example.provenance.pages.map(String.init).joined(separator: ","))",
                    ]
                    .compactMap { $0 }.joined(separator: " · ")
                    print("── \(example.provenance.template) #\(example.provenance.variant) · \(where_)")
                    for message in example.messages {
                        print("[\(message.role.rawValue)] \(message.content)")
                    }
                    print()
                }
            }
            printError(
                "\(rendered.examples.count) conversations from \(passages.count) passages (showing \(min(limit, rendered.examples.count))); \(rendered.ungrounded.count) ungrounded"
            )
        }
    }
}

/// Loads templates from paths; a bare name that is not a path picks a shipped template by name.
func loadTemplates(_ paths: [String]) throws -> TemplateSet {
    do {
        if paths.isEmpty { return try TemplateSet.shipped() }
        var urls: [URL] = []
        var names: [String] = []
        for path in paths {
            if FileManager.default.fileExists(atPath: path) {
                urls.append(URL(fileURLWithPath: path))
            } else {
                names.append(path)
            }
        }
        var set = urls.isEmpty ? TemplateSet(templates: []) : try TemplateSet.load(from: urls)
        if !names.isEmpty {
            let shipped = try TemplateSet.shipped()
            for name in names {
                guard let template = shipped.templates.first(where: { $0.name == name || $0.name + ".yaml" == name })
                else {
                    printError("\(name): no such template file, and no shipped template of that name")
                    throw ExitCode.failure
                }
                set.templates.append(template)
            }
        }
        return set
    } catch let error as TemplateError {
        DiagnosticPrinter.printText([Diagnostic(error)])
        throw ExitCode.failure
    }
}
