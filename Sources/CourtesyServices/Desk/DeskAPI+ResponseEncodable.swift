import CourtesyDeskAPI
import Hummingbird

extension DeskAPI.Identity: ResponseEncodable {}
extension DeskAPI.Summary: ResponseEncodable {}
extension DeskAPI.DraftList: ResponseEncodable {}
extension DeskAPI.ConversationList: ResponseEncodable {}
extension DeskAPI.DraftDetail: ResponseEncodable {}
extension DeskAPI.DecisionResult: ResponseEncodable {}
