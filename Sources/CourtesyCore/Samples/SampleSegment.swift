/// What a sample complaint is about: the segments customer-care teams track.
enum SampleSegment: CaseIterable {
    case lateDelivery
    case returns
    case warranty
    case billing
    case lostBaggage
    case delay
    case cancellation
    case outage
    case rudeStaff
}
