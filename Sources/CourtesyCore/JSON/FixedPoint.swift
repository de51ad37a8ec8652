/// `value` with `fractionDigits` decimals, rounded half away from zero, without locale effects.
func formatFixed(_ value: Double, fractionDigits: Int) -> String {
    var scale = 1.0
    for _ in 0..<fractionDigits {
        scale *= 10
    }
    let magnitude = (abs(value) * scale).rounded()
    guard magnitude < 9e15 else { return "\(value)" }
    let scaled = Int(magnitude)
    let unit = Int(scale)
    var fraction = String(scaled % unit)
    while fraction.count < fractionDigits {
        fraction = "0" + fraction
    }
    return (value < 0 && scaled != 0 ? "-" : "") + "\(scaled / unit)" + (fractionDigits > 0 ? ".\(fraction)" : "")
}
