internal import Foundation

// The request and response bodies the loop exchanges, named and shaped as in OpenAI's published
// OpenAPI description (`OpenAIFile`, `Upload`, `FineTuningJob`, ...). Responses decode only the fields
// tunedata reads, so a provider that adds fields still works.

/// A file stored by the provider (`OpenAIFile`).
public struct RemoteFile: Sendable, Codable, Equatable {
    public var id: String
    public var bytes: Int
    public var filename: String
    public var purpose: String
    public var status: String?
}

/// An upload in parts (`Upload`): the file appears once it is completed.
struct RemoteUpload: Sendable, Codable {
    var id: String
    var status: String
    var file: RemoteFile?
}

/// One part of an upload (`UploadPart`).
struct RemoteUploadPart: Sendable, Codable {
    var id: String
}

/// `CreateUploadRequest`.
struct CreateUploadBody: Sendable, Codable {
    var filename: String
    var purpose: String
    var bytes: Int
    var mimeType: String

    enum CodingKeys: String, CodingKey {
        case filename, purpose, bytes
        case mimeType = "mime_type"
    }
}

/// `CompleteUploadRequest`.
struct CompleteUploadBody: Sendable, Codable {
    var partIDs: [String]
    var md5: String

    enum CodingKeys: String, CodingKey {
        case partIDs = "part_ids"
        case md5
    }
}

/// A fine-tuning job (`FineTuningJob`).
public struct FineTuningJob: Sendable, Codable, Equatable {
    /// Why a job failed (`FineTuningJob.error`).
    public struct Failure: Sendable, Codable, Equatable {
        public var code: String
        public var message: String
        public var param: String?

        public init(code: String, message: String, param: String? = nil) {
            self.code = code
            self.message = message
            self.param = param
        }
    }

    public var id: String
    public var model: String
    public var status: String
    public var createdAt: Int
    public var finishedAt: Int?
    public var fineTunedModel: String?
    public var trainingFile: String
    public var validationFile: String?
    public var trainedTokens: Int?
    public var error: Failure?

    enum CodingKeys: String, CodingKey {
        case id, model, status, error
        case createdAt = "created_at"
        case finishedAt = "finished_at"
        case fineTunedModel = "fine_tuned_model"
        case trainingFile = "training_file"
        case validationFile = "validation_file"
        case trainedTokens = "trained_tokens"
    }

    /// Whether the job has stopped for good.
    public var isFinished: Bool { ["succeeded", "failed", "cancelled"].contains(status) }
}

/// A page of a list endpoint (`ListPaginatedFineTuningJobsResponse`, events, checkpoints).
struct ListPage<Item: Sendable & Codable>: Sendable, Codable {
    var data: [Item]
    var hasMore: Bool?

    enum CodingKeys: String, CodingKey {
        case data
        case hasMore = "has_more"
    }
}

/// Training metrics as events and checkpoints report them.
public struct TrainingMetrics: Sendable, Codable, Equatable {
    public var step: Int?
    public var totalSteps: Int?
    public var trainLoss: Double?
    public var validLoss: Double?
    public var fullValidLoss: Double?

    enum CodingKeys: String, CodingKey {
        case step
        case totalSteps = "total_steps"
        case trainLoss = "train_loss"
        case validLoss = "valid_loss"
        case fullValidLoss = "full_valid_loss"
    }

    public init(
        step: Int? = nil, totalSteps: Int? = nil, trainLoss: Double? = nil, validLoss: Double? = nil,
        fullValidLoss: Double? = nil
    ) {
        self.step = step
        self.totalSteps = totalSteps
        self.trainLoss = trainLoss
        self.validLoss = validLoss
        self.fullValidLoss = fullValidLoss
    }

    /// Decodes leniently: a step sent as a float still counts, unknown fields are ignored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func int(_ key: CodingKeys) -> Int? {
            if let value = try? container.decodeIfPresent(Int.self, forKey: key) { return value }
            return (try? container.decodeIfPresent(Double.self, forKey: key)).flatMap { $0.map { Int($0) } }
        }
        step = int(.step)
        totalSteps = int(.totalSteps)
        trainLoss = try? container.decodeIfPresent(Double.self, forKey: .trainLoss)
        validLoss = try? container.decodeIfPresent(Double.self, forKey: .validLoss)
        fullValidLoss = try? container.decodeIfPresent(Double.self, forKey: .fullValidLoss)
    }
}

/// One fine-tuning event (`FineTuningJobEvent`); metrics events carry ``TrainingMetrics`` in `data`.
public struct FineTuningEvent: Sendable, Codable, Equatable {
    public var id: String
    public var createdAt: Int
    public var level: String
    public var message: String
    public var type: String?
    public var data: TrainingMetrics?

    enum CodingKeys: String, CodingKey {
        case id, level, message, type, data
        case createdAt = "created_at"
    }
}

/// A checkpoint (`FineTuningJobCheckpoint`).
public struct FineTuningCheckpoint: Sendable, Codable, Equatable {
    public var id: String
    public var stepNumber: Int
    public var fineTunedModelCheckpoint: String
    public var metrics: TrainingMetrics?

    enum CodingKeys: String, CodingKey {
        case id, metrics
        case stepNumber = "step_number"
        case fineTunedModelCheckpoint = "fine_tuned_model_checkpoint"
    }
}

/// What a new fine-tuning job is made of (`CreateFineTuningJobRequest`).
public struct FineTuningJobRequest: Sendable, Codable, Equatable {
    /// The training method: supervised on chat examples, or DPO on preference pairs.
    public enum Method: String, Sendable, Codable, CaseIterable {
        case supervised, dpo
    }

    public var model: String
    public var trainingFile: String
    public var validationFile: String?
    public var method: Method
    public var epochs: Int?
    public var batchSize: Int?
    public var learningRateMultiplier: Double?
    public var suffix: String?
    public var seed: Int?

    public init(
        model: String, trainingFile: String, validationFile: String? = nil, method: Method = .supervised,
        epochs: Int? = nil, batchSize: Int? = nil, learningRateMultiplier: Double? = nil, suffix: String? = nil,
        seed: Int? = nil
    ) {
        self.model = model
        self.trainingFile = trainingFile
        self.validationFile = validationFile
        self.method = method
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRateMultiplier = learningRateMultiplier
        self.suffix = suffix
        self.seed = seed
    }

    /// The body as the API takes it: hyperparameters under `method.<type>.hyperparameters`.
    var body: CreateJobBody {
        let hyperparameters = CreateJobBody.Hyperparameters(
            nEpochs: epochs, batchSize: batchSize, learningRateMultiplier: learningRateMultiplier)
        let settings = CreateJobBody.MethodSettings(hyperparameters: hyperparameters)
        return CreateJobBody(
            model: model, trainingFile: trainingFile, validationFile: validationFile, suffix: suffix, seed: seed,
            method: CreateJobBody.MethodBody(
                type: method.rawValue, supervised: method == .supervised ? settings : nil,
                dpo: method == .dpo ? settings : nil))
    }
}

/// The JSON of `POST /fine_tuning/jobs`.
struct CreateJobBody: Sendable, Codable, Equatable {
    struct Hyperparameters: Sendable, Codable, Equatable {
        var nEpochs: Int?
        var batchSize: Int?
        var learningRateMultiplier: Double?

        enum CodingKeys: String, CodingKey {
            case nEpochs = "n_epochs"
            case batchSize = "batch_size"
            case learningRateMultiplier = "learning_rate_multiplier"
        }
    }

    struct MethodSettings: Sendable, Codable, Equatable {
        var hyperparameters: Hyperparameters
    }

    struct MethodBody: Sendable, Codable, Equatable {
        var type: String
        var supervised: MethodSettings?
        var dpo: MethodSettings?
    }

    var model: String
    var trainingFile: String
    var validationFile: String?
    var suffix: String?
    var seed: Int?
    var method: MethodBody

    enum CodingKeys: String, CodingKey {
        case model, suffix, seed, method
        case trainingFile = "training_file"
        case validationFile = "validation_file"
    }
}

/// One chat message sent to or received from a model.
public struct ChatMessage: Sendable, Codable, Equatable {
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

/// `CreateChatCompletionRequest`, the fields the comparison sets.
struct ChatCompletionBody: Sendable, Codable {
    var model: String
    var messages: [ChatMessage]
    var temperature: Double
    var seed: Int?
}

/// `CreateChatCompletionResponse`, the first choice's text.
struct ChatCompletionAnswer: Sendable, Codable {
    struct Choice: Sendable, Codable {
        struct Message: Sendable, Codable {
            var content: String?
            var refusal: String?
        }
        var message: Message
    }
    var choices: [Choice]
}
