public enum BorderLabVersion { public static let engine = "0.2.0" }
