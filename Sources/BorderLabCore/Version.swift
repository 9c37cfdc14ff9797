public enum BorderLabVersion { public static let engine = "0.4.0" }
