import BorderLabCLI
import Foundation

exit(CLIRunner.main())
