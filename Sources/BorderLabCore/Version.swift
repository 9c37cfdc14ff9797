public enum BorderLabVersion { public static let engine = "0.1.0" }
