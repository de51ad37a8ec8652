/// A priority's reasons while they are gathered: texts ordered by points, most first, and equal
/// points in the order they were added.
///
/// A mention has a handful of reasons at most, so inserting in place is cheaper than collecting
/// pairs and sorting them, and leaves the texts in the one array a ``Priority`` keeps. The points
/// live inline (there are fewer kinds of reason than lanes), so only the texts allocate.
struct PriorityReasons {
    /// The reasons' texts, most points first.
    private(set) var texts: [String] = []
    /// The points of each of the first `points.scalarCount` texts, in the same order.
    private var points = SIMD16<Int32>()
    /// The points summed.
    private(set) var score = 0

    /// Adds a reason after every reason with at least as many points.
    mutating func insert(_ points: Int, _ text: String) {
        score += points
        let value = Int32(clamping: points)
        guard texts.count < self.points.scalarCount else {
            // More reasons than kinds exist: keep the text, after the ordered ones.
            texts.append(text)
            return
        }
        var position = texts.count
        while position > 0 && self.points[position - 1] < value {
            self.points[position] = self.points[position - 1]
            position -= 1
        }
        self.points[position] = value
        if texts.isEmpty {
            texts.reserveCapacity(4)
        }
        texts.insert(text, at: position)
    }
}
