@testable import CourtesyCore

/// The shipped classifier, built once for all tests.
let sharedClassifier: Result<Classifier, ClassifierConfigurationError> = {
    do throws(ClassifierConfigurationError) {
        return .success(try Classifier.shipped())
    } catch {
        return .failure(error)
    }
}()
