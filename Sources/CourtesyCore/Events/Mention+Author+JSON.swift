extension Mention.Author {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(id)
        writer.optionalString("handle", handle)
        writer.optionalString("displayName", displayName)
        writer.key("followers")
        writer.int(followers)
        writer.key("verified")
        writer.bool(verified)
        writer.optionalString("locale", locale)
        writer.endObject()
    }
}
